package org.bordercustody.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The separations of a period in the metrics report: children counted once each, by reason, sector and age at the
 * separation, the hours each was apart (up to the reunification, or for a child still apart up to now while the
 * period runs and up to its end once it ended) and how many were reunified; every breakdown adds up to the total.
 * The families are separated and reunified through the API on a day of their own.
 */
@CustodyApplicationTest
class SeparationsReportedTest {

    /** A day no other test separates anyone on; the fixtures' children are 10, 5 and 12 then. */
    static final Instant T0 = Instant.parse("2025-09-15T12:00:00Z");
    static final String DAY = "2025-09-15";

    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theChildrenSeparatedOnADayAreReportedByReasonSectorAndAgeWithTheHoursApartAndTheReunified() {
        at(0);
        new Journeys(port).separatedChild("SRP0001");
        at(1);
        String reunifiedSon = new Journeys(port).separatedChild("SRP0002");
        at(2);
        List<String> lopezChildren = motherSeparatedFromHerChildrenForMedicalCare("SRP0003");
        at(4);
        reunify(reunifiedSon, "SRP0002-01");

        at(10);
        JsonNode today = separations();
        assertThat(figures(today)).isEqualTo(figures(4, Map.of("CRIMINAL_HISTORY_OR_WARRANT", 2L, "MEDICAL", 2L),
                Map.of("SDC", 4L), Map.of("0-5", 1L, "6-12", 3L), 1, 3));
        assertThat(today.get("medianHoursApart").asDouble()).as("3, 8, 8 and 10 hours, still apart up to now")
                .isEqualTo(8.0);
        assertThat(today.get("maximumHoursApart").asDouble()).as("the Castillo son, apart since the day began")
                .isEqualTo(10.0);
        addsUp(today);

        at(30);
        reunify(lopezChildren.get(0), "SRP0003-01");
        JsonNode dayAfter = separations();
        assertThat(dayAfter.get("reunified").asLong()).as("a reunification after the period is not the period's")
                .isEqualTo(1);
        assertThat(dayAfter.get("medianHoursApart").asDouble()).as("3, 10, 10 and 12 hours, up to the end of the day")
                .isEqualTo(10.0);
        assertThat(dayAfter.get("maximumHoursApart").asDouble()).isEqualTo(12.0);
        addsUp(dayAfter);

        JsonNode dayBefore = ApiClient.as(port, "manager").get("/api/reports/custody-metrics?from=2025-09-14&to=2025-09-14")
                .json().get("separations");
        assertThat(dayBefore.get("childrenSeparated").asLong()).isZero();
        assertThat(dayBefore.get("medianHoursApart").isNull()).as("nothing to measure").isTrue();
        addsUp(dayBefore);
        assertThat(ApiClient.as(port, "manager").get("/api/openapi").json()
                .at("/components/schemas/SeparationFigures/properties/medianHoursApart/description").asText())
                .as("the OpenAPI description says what the hours are").contains("still apart");
    }

    /** A mother and her two children, 5 and 12: she is taken to hospital, the children go to ORR. */
    private List<String> motherSeparatedFromHerChildrenForMedicalCare(String event) {
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.family(event));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        for (String member : List.of(event + "-01", event + "-02", event + "-03")) {
            agent.completeIntake(member, true);
        }
        ApiClient.Response decided = new TasklistClient(ApiClient.as(port, "supervisor")).complete(event + "-01",
                "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true", "familySeparation", "SEPARATE",
                        "separationReason", "MEDICAL", "separationNote", "mother admitted to hospital for surgery",
                        "separateChild1", true, "separateChild2", true));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        return List.of(event + "-02", event + "-03");
    }

    private void reunify(String child, String parent) {
        ApiClient.Response reunified = ApiClient.as(port, "orr-system").post("/api/cases/" + child
                + "/family/reunification", "{ \"parentCaseNumber\": \"" + parent + "\", \"note\": \"together again\" }");
        assertThat(reunified.status()).as(reunified.body()).isEqualTo(201);
    }

    private static void at(long hoursAfterT0) {
        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(hoursAfterT0))));
    }

    private JsonNode separations() {
        ApiClient.Response report = ApiClient.as(port, "manager")
                .get("/api/reports/custody-metrics?from=" + DAY + "&to=" + DAY);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().get("separations");
    }

    /** The counts of the section, without zeros, as one value to compare. */
    private static Map<String, Object> figures(JsonNode separations) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("childrenSeparated", separations.get("childrenSeparated").asLong());
        for (String part : List.of("byReason", "bySector", "byAgeAtSeparation")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            separations.get(part).fields().forEachRemaining(count -> {
                if (count.getValue().asLong() != 0) {
                    counts.put(count.getKey(), count.getValue().asLong());
                }
            });
            figures.put(part, Map.copyOf(counts));
        }
        figures.put("reunified", separations.get("reunified").asLong());
        figures.put("stillApart", separations.get("stillApart").asLong());
        return figures;
    }

    private static Map<String, Object> figures(long children, Map<String, Long> byReason, Map<String, Long> bySector,
            Map<String, Long> byAge, long reunified, long stillApart) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("childrenSeparated", children);
        figures.put("byReason", byReason);
        figures.put("bySector", bySector);
        figures.put("byAgeAtSeparation", byAge);
        figures.put("reunified", reunified);
        figures.put("stillApart", stillApart);
        return figures;
    }

    /** Every breakdown sums to the children separated, every reason of the closed list and every age band shown. */
    private static void addsUp(JsonNode separations) {
        long children = separations.get("childrenSeparated").asLong();
        for (String part : List.of("byReason", "bySector", "byAgeAtSeparation")) {
            long sum = 0;
            for (JsonNode count : separations.get(part)) {
                sum += count.asLong();
            }
            assertThat(sum).as(part).isEqualTo(children);
        }
        assertThat(separations.get("reunified").asLong() + separations.get("stillApart").asLong()).isEqualTo(children);
        assertThat(separations.get("byReason").size()).isEqualTo(6);
        List<String> bands = List.of("0-5", "6-12", "13-17", "unknown");
        assertThat(separations.get("byAgeAtSeparation").fieldNames()).toIterable().containsExactlyElementsOf(bands);
    }
}
