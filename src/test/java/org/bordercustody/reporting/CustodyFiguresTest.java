package org.bordercustody.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Inspector General's figures for a period, against five people of 2011 whose every figure is known: two sectors,
 * three stations, two months. Totals are the sums of their parts however the rows are grouped; hours in custody are
 * over custody that ended in the period (the man still held is in none of them); an address whose ZIP code is not of
 * its state is not verified, and the report says how many were not; the same figures as CSV.
 */
@CustodyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodyFiguresTest {

    static final String PERIOD = "from=2011-03-01&to=2011-04-30";
    /** Counts that add up from rows to the total, and the parts each whole is made of. */
    static final List<String> COUNTS = List.of("apprehended", "released", "releasedWithVerifiedAddress",
            "releasedWithAddressNotValid", "releasedWithoutAddress", "checkInsDue", "checkInsOnTime", "checkInsLate",
            "checkInsMissed", "custodyLimitBreaches", "familyStatusUndetermined", "custodyEnded");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ReportFixtures cases;

    @BeforeAll
    void fivePeopleOf2011() {
        cases = new ReportFixtures(jdbc);
        cases.seed("FIG1101", "ZZA", "ZA1", "2011-03-02T00:00:00Z", "2011-03-02T10:00:00Z",
                "RELEASED_AWAITING_CHECK_IN");
        cases.release("FIG1101", "2011-03-02T10:00:00Z", true, "2011-04-10T00:00:00Z", "2011-04-05T15:00:00Z");
        cases.seed("FIG1102", "ZZA", "ZA1", "2011-03-10T00:00:00Z", "2011-03-10T20:00:00Z", "CHECKED_IN");
        cases.release("FIG1102", "2011-03-10T20:00:00Z", false, "2011-04-20T00:00:00Z", "2011-04-25T09:00:00Z");
        cases.seed("FIG1103", "ZZA", "ZA2", "2011-03-20T00:00:00Z", "2011-03-21T06:00:00Z", "CHECK_IN_OVERDUE");
        cases.release("FIG1103", "2011-03-21T06:00:00Z", null, "2011-04-25T00:00:00Z", null);
        cases.seed("FIG1104", "ZZB", "ZB1", "2011-04-01T00:00:00Z", "2011-04-04T08:00:00Z", "REMOVED");
        cases.breach("FIG1104", "CBP_HOLDING_LIMIT", "2011-04-04T00:00:00Z");
        cases.explain("FIG1104", "CBP_HOLDING_LIMIT", "TRANSPORT_NOT_AVAILABLE", "the bus to Eloy broke down",
                "moved by the next bus, 8 hours later");
        cases.seed("FIG1105", "ZZB", "ZB1", "2011-04-28T00:00:00Z", null, "IN_CBP_CUSTODY");
        jdbc.sql("UPDATE custody_case SET classification = 'UNDETERMINED', intake_completed_at = apprehended_at"
                + " WHERE case_number = 'FIG1105-01'").update();
        cases.breach("FIG1105", "HHS_NOTIFICATION", "2011-04-29T00:00:00Z");
        cases.breach("FIG1105", "CBP_HOLDING_LIMIT", "2011-05-01T00:00:00Z");
    }

    @Test
    void everyFigureOfThePeriodIsTheOneItsPeopleGive() {
        JsonNode figures = manager().get("/api/reports/custody-metrics?" + PERIOD).json();

        assertThat(line(figures, COUNTS)).isEqualTo(
                "apprehended 5, released 3, releasedWithVerifiedAddress 1, releasedWithAddressNotValid 1,"
                + " releasedWithoutAddress 1, checkInsDue 3, checkInsOnTime 1, checkInsLate 1, checkInsMissed 1,"
                + " custodyLimitBreaches 2, familyStatusUndetermined 1, custodyEnded 4");
        assertThat(figures.get("addressCaptureRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(figures.get("checkInComplianceRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(figures.get("breachesByClock").get("CBP_HOLDING_LIMIT").asLong()).isEqualTo(1);
        assertThat(figures.get("breachesByClock").get("HHS_NOTIFICATION").asLong()).isEqualTo(1);
        assertThat(figures.get("breachesByClock").get("ORR_TRANSFER").asLong()).isZero();
        assertThat(figures.get("hoursInCustodyOver").asText()).isEqualTo("custody that ended in the period");
        assertThat(figures.get("breachesByCause").get("TRANSPORT_NOT_AVAILABLE").asLong()).isEqualTo(1);
        assertThat(figures.get("breachesByCause").get("NOT_YET_EXPLAINED").asLong()).as("the HHS notification")
                .isEqualTo(1);
    }

    @Test
    void everyBreachOfThePeriodIsListedTheLatestFirstWithItsCauseInWords() {
        JsonNode list = manager().get("/api/reports/breaches?" + PERIOD).json();

        assertThat(list.get("total").asLong()).isEqualTo(2);
        List<String> breaches = new ArrayList<>();
        list.get("breaches").forEach(breach -> breaches.add(breach.get("caseNumber").asText() + " | "
                + breach.get("clockWords").asText() + " | " + breach.get("causeWords").asText() + " | "
                + breach.get("causeDetails").asText() + " | " + breach.get("actionTaken").asText()));
        assertThat(breaches).containsExactly(
                "FIG1105-01 | Deadline to notify HHS of an unaccompanied child (8 U.S.C. 1232(b)(2)) | null | null | null",
                "FIG1104-01 | CBP holding limit (TEDS 2015 section 1.8) | Transport not available"
                        + " | the bus to Eloy broke down | moved by the next bus, 8 hours later");
        assertThat(manager().get("/api/reports/breaches?" + PERIOD + "&limit=1").json().get("breaches").size())
                .isEqualTo(1);
        ApiClient.Response tooMany = manager().get("/api/reports/breaches?" + PERIOD + "&limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("limit");
    }

    @Test
    void hoursInCustodyAreOverCustodyThatEndedTheManStillHeldInNoneOfThem() {
        JsonNode figures = manager().get("/api/reports/custody-metrics?" + PERIOD).json();

        // 10, 20, 30 and 80 hours; the man apprehended on 28 April is still held and in none of them.
        assertThat(figures.get("medianHoursInCustody").asDouble()).isEqualTo(25.0);
        assertThat(figures.get("p90HoursInCustody").asDouble()).isEqualTo(65.0);
        assertThat(figures.get("p95HoursInCustody").asDouble()).isEqualTo(72.5);
        assertThat(figures.get("maxHoursInCustody").asDouble()).isEqualTo(80.0);
        assertThat(figures.get("hoursInCustodyDistribution").toString()).isEqualTo("{\"0-12\":1,\"12-24\":1,"
                + "\"24-36\":1,\"36-48\":0,\"48-60\":0,\"60-72\":0,\"72-96\":1,\"96-120\":0,\"120+\":0}");
    }

    @Test
    void aPeriodInWhichNobodysCustodyEndedHasNoHours() {
        JsonNode figures = manager().get("/api/reports/custody-metrics?from=2011-04-27&to=2011-04-30").json();

        assertThat(figures.get("apprehended").asLong()).isEqualTo(1);
        assertThat(figures.get("custodyEnded").asLong()).isZero();
        assertThat(figures.get("medianHoursInCustody").isNull()).isTrue();
        assertThat(figures.get("maxHoursInCustody").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector", "station", "month"})
    void theTotalIsTheSumOfTheRowsAndEachWholeOfItsParts(String by) {
        JsonNode table = manager().get("/api/reports/custody-metrics?" + PERIOD + "&by=" + by).json();
        JsonNode total = table.get("total");

        assertThat(total.toString()).isEqualTo(manager().get("/api/reports/custody-metrics?" + PERIOD).json()
                .toString());
        for (String count : COUNTS) {
            long sum = 0;
            for (JsonNode row : table.get("rows")) {
                sum += row.get(count).asLong();
            }
            assertThat(sum).as(count + " by " + by).isEqualTo(total.get(count).asLong());
        }
        for (JsonNode figures : rowsAndTotal(table)) {
            assertThat(figures.get("released").asLong()).isEqualTo(figures.get("releasedWithVerifiedAddress").asLong()
                    + figures.get("releasedWithAddressNotValid").asLong() + figures.get("releasedWithoutAddress").asLong());
            assertThat(figures.get("checkInsDue").asLong()).isEqualTo(figures.get("checkInsOnTime").asLong()
                    + figures.get("checkInsLate").asLong() + figures.get("checkInsMissed").asLong());
            assertThat(figures.get("custodyLimitBreaches").asLong()).isEqualTo(sum(figures.get("breachesByClock")));
            assertThat(sum(figures.get("breachesByCause"))).isEqualTo(figures.get("custodyLimitBreaches").asLong()
                    - figures.get("breachesByClock").get("CHECK_IN").asLong());
            assertThat(figures.get("custodyEnded").asLong()).isEqualTo(sum(figures.get("hoursInCustodyDistribution")));
        }
    }

    @Test
    void rowsBySectorStationAndMonthNameTheirGroupAndCountItsPeople() {
        assertThat(rows("sector", "sector")).containsExactly(
                "ZZA: apprehended 3, released 3, custodyEnded 3, custodyLimitBreaches 0, medianHoursInCustody 20.0",
                "ZZB: apprehended 2, released 0, custodyEnded 1, custodyLimitBreaches 2, medianHoursInCustody 80.0");
        assertThat(rows("station", "station")).containsExactly(
                "ZA1: apprehended 2, released 2, custodyEnded 2, custodyLimitBreaches 0, medianHoursInCustody 15.0",
                "ZA2: apprehended 1, released 1, custodyEnded 1, custodyLimitBreaches 0, medianHoursInCustody 30.0",
                "ZB1: apprehended 2, released 0, custodyEnded 1, custodyLimitBreaches 2, medianHoursInCustody 80.0");
        assertThat(rows("month", "month")).containsExactly(
                "2011-03: apprehended 3, released 3, custodyEnded 3, custodyLimitBreaches 0, medianHoursInCustody 20.0",
                "2011-04: apprehended 2, released 0, custodyEnded 1, custodyLimitBreaches 2, medianHoursInCustody 80.0");
    }

    @Test
    void monthsAreCalendarMonthsTheFirstAndLastCutToThePeriodEveryOneARow() {
        JsonNode table = manager().get("/api/reports/custody-metrics?from=2011-02-15&to=2011-05-10&by=month").json();

        List<String> months = new ArrayList<>();
        table.get("rows").forEach(row -> months.add(row.get("month").asText() + " " + row.get("apprehended").asLong()));
        assertThat(months).containsExactly("2011-02 0", "2011-03 3", "2011-04 2", "2011-05 0");
        assertThat(table.get("rows").get(3).get("custodyLimitBreaches").asLong()).as("the breach due on 1 May")
                .isEqualTo(1);
    }

    @Test
    void theSameFiguresAsCsvAHeaderRowAndOneRowPerGroup() throws Exception {
        ApiClient.Response response = manager().send("GET", "/api/reports/custody-metrics?" + PERIOD + "&by=station",
                null, null, false, Map.of("Accept", "text/csv"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.headers().get("content-disposition").get(0))
                .isEqualTo("attachment; filename=\"custody-metrics-2011-03-01-2011-04-30-by-station.csv\"");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("sector,station,apprehended,released,releasedWithVerifiedAddress,");
        assertThat(lines[0]).contains(",breachesByClock.CBP_HOLDING_LIMIT,", ",hoursInCustodyDistribution.72-96,",
                ",separations.childrenSeparated,");
        List<Map<String, String>> rows = csvRows(response.body());
        JsonNode json = manager().get("/api/reports/custody-metrics?" + PERIOD + "&by=station").json().get("rows");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertThat(row.get("station")).isEqualTo(json.get(i).get("station").asText());
            for (String count : COUNTS) {
                assertThat(row.get(count)).as(count).isEqualTo(json.get(i).get(count).asText());
            }
            assertThat(row.get("medianHoursInCustody")).isEqualTo(json.get(i).get("medianHoursInCustody").asText());
            assertThat(row.get("breachesByClock.CBP_HOLDING_LIMIT"))
                    .isEqualTo(json.get(i).get("breachesByClock").get("CBP_HOLDING_LIMIT").asText());
        }
    }

    @Test
    void thePeriodAsCsvIsOneRow() {
        ApiClient.Response response = manager().send("GET", "/api/reports/custody-metrics?" + PERIOD, null, null, false,
                Map.of("Accept", "text/csv"));

        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("apprehended,released,");
        assertThat(lines[1]).startsWith("5,3,1,1,1,");
    }

    @Test
    void aGroupingThatIsNotOneOfTheThreeIsRefusedNamingIt() {
        ApiClient.Response json = manager().get("/api/reports/custody-metrics?" + PERIOD + "&by=county");
        ApiClient.Response csv = manager().send("GET", "/api/reports/custody-metrics?" + PERIOD + "&by=county", null,
                null, false, Map.of("Accept", "text/csv"));

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("field").asText()).isEqualTo("by");
        assertThat(json.json().get("detail").asText()).contains("must be sector, station or month");
        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.body()).contains("must be sector, station or month");
    }

    private List<String> rows(String by, String key) {
        List<String> rows = new ArrayList<>();
        manager().get("/api/reports/custody-metrics?" + PERIOD + "&by=" + by).json().get("rows").forEach(row -> {
            if (row.get(key).asText().startsWith("ZZ") || row.get(key).asText().startsWith("Z")
                    || by.equals("month")) {
                rows.add(row.get(key).asText() + ": " + line(row, List.of("apprehended", "released", "custodyEnded",
                        "custodyLimitBreaches", "medianHoursInCustody")));
            }
        });
        return rows;
    }

    private static String line(JsonNode figures, List<String> names) {
        List<String> parts = new ArrayList<>();
        names.forEach(name -> parts.add(name + " " + figures.get(name).asText()));
        return String.join(", ", parts);
    }

    private static List<JsonNode> rowsAndTotal(JsonNode table) {
        List<JsonNode> all = new ArrayList<>();
        table.get("rows").forEach(all::add);
        all.add(table.get("total"));
        return all;
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (Iterator<JsonNode> values = counts.elements(); values.hasNext(); ) {
            sum += values.next().asLong();
        }
        return sum;
    }

    private static List<Map<String, String>> csvRows(String body) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return rows.readAll();
        }
    }

    private ApiClient manager() {
        return ApiClient.as(port, "manager");
    }
}
