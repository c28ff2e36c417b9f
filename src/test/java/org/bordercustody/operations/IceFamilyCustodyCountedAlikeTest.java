package org.bordercustody.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.bordercustody.custody.CustodyCaseRepository;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

/**
 * Who is in ICE family custody, counted alike in the four places a manager reads it: the Cockpit panel (which shows
 * custody-now's figure), custody-now, the metrics report and the Prometheus meters (the gauge, and the Flores clock
 * that runs for the same people). A father booked into a family residential center with his ten-year-old is in
 * family custody; a father whose son was separated from him and a single adult, both in ICE detention, are not.
 */
@CustodyApplicationTest
@TestPropertySource(properties = {"custody.metrics.refresh-interval=0s", "custody.metrics.population-refresh-interval=0s"})
class IceFamilyCustodyCountedAlikeTest {

    static final String PANEL = "META-INF/resources/webjars/camunda/app/cockpit/scripts/custody-panel.js";

    @LocalServerPort
    int port;
    @Autowired
    CustodyCaseRepository cases;

    @Test
    void thePanelCustodyNowTheMetricsReportAndPrometheusCountTheFamilyAndNeitherAdultInDetention() throws IOException {
        Counts before = counts();

        String father = familyBookedIntoDilley("ONE0001");
        String separatedFather = separatedFatherBookedIntoEloy("ONE0002");
        String single = singleAdultBookedIntoEloy("ONE0003");

        Counts after = counts();
        assertThat(cases.inIceFamilyCustody(ClockUtil.getCurrentTime().toInstant()).stream()
                .filter(caseNumber -> caseNumber.startsWith("ONE000")))
                .as("the cases in ICE family custody, by the one definition")
                .containsExactly(father, "ONE0001-02");
        assertThat(List.of(separatedFather, single)).allSatisfy(adult -> assertThat(status(adult))
                .isEqualTo("TRANSFERRED_TO_ICE"));
        assertThat(after.minus(before)).as("custody-now, the metrics report, the gauge, the Flores clock")
                .isEqualTo(new Counts(2, 2, 2, 2));
        assertThat(new String(new ClassPathResource(PANEL).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("the Cockpit panel shows custody-now's figure")
                .contains("fetch('/api/reports/custody-now'")
                .contains("'in ICE family custody', view.inIceFamilyCustody");
    }

    /** Each figure at one moment: custody-now's, the metrics report's for today, the gauge, the Flores clock. */
    record Counts(long custodyNow, long metricsReport, long gauge, long floresClock) {

        Counts minus(Counts other) {
            return new Counts(custodyNow - other.custodyNow, metricsReport - other.metricsReport, gauge - other.gauge,
                    floresClock - other.floresClock);
        }
    }

    private Counts counts() {
        ApiClient manager = ApiClient.as(port, "manager");
        ApiClient.Response now = manager.get("/api/reports/custody-now");
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        String today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).toString();
        ApiClient.Response report = manager.get("/api/reports/custody-metrics?from=" + today + "&to=" + today);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        Map<String, Double> scrape = Prometheus.samples(manager.get("/actuator/prometheus").body());
        String flores = "clock=\"FLORES_FAMILY_CUSTODY\"";
        return new Counts(now.json().get("inIceFamilyCustody").asLong(),
                report.json().get("inIceFamilyCustodyAtEnd").asLong(),
                (long) Prometheus.value(scrape, "custody_in_ice_family_custody"),
                (long) (Prometheus.value(scrape, "custody_clock_cases", flores, "state=\"running\"")
                        + Prometheus.value(scrape, "custody_clock_cases", flores, "state=\"past_limit\"")));
    }

    /** A father and his ten-year-old, kept together, handed over and booked into DILLEY in family custody. */
    private String familyBookedIntoDilley(String event) {
        String father = event + "-01";
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.fatherAndTenYearOld(event));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake(father, true, Map.of("recordsCheckResult", "CRIMINAL_HISTORY", "processingPathway", "NTA"));
        agent.completeIntake(event + "-02", true);
        ApiClient.Response decided = new TasklistClient(ApiClient.as(port, "supervisor")).complete(father,
                "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true", "familySeparation", "KEEP_TOGETHER"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        handOverAndBookIn(father, "DILLEY", "D-" + event, true);
        return father;
    }

    /** The father of a separated son, handed over and booked into ELOY without family custody. */
    private String separatedFatherBookedIntoEloy(String event) {
        new Journeys(port).separatedChild(event);
        String father = event + "-01";
        handOverAndBookIn(father, "ELOY", "E-" + event, false);
        return father;
    }

    private String singleAdultBookedIntoEloy(String event) {
        String adult = new Journeys(port).adultAwaitingIce(event);
        bookIn(adult, "ELOY", "E-" + event, false);
        return adult;
    }

    private void handOverAndBookIn(String caseNumber, String facility, String bookInNumber, boolean familyCustody) {
        assertThat(new TasklistClient(ApiClient.as(port, "agent")).complete(caseNumber, "Task_PrepareIceTransfer",
                Map.of("iceFacility", facility, "transferRecord", "no medical issues")).status()).isEqualTo(204);
        bookIn(caseNumber, facility, bookInNumber, familyCustody);
    }

    private void bookIn(String caseNumber, String facility, String bookInNumber, boolean familyCustody) {
        ApiClient.Response booked = ApiClient.as(port, "ice-system").post("/api/cases/" + caseNumber + "/ice-book-in",
                "{ \"facility\": \"" + facility + "\", \"bookInNumber\": \"" + bookInNumber + "\", \"familyCustody\": "
                        + familyCustody + " }");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }

    private String status(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json().get("status").asText();
    }
}
