package org.bordercustody.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From apprehension to release or transfer and the 60-day check-in, through the API and Camunda's REST API as
 * each user would work it, and the custody metrics measured on exactly these cases: the story is set 300 days
 * back on the engine clock, in a period no other test records anything in.
 */
@CustodyApplicationTest
class ReleaseJourneyTest {

    static final Instant T0 = Instant.now().minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.MINUTES);

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void releasedPeopleAreFollowedToTheirCheckInAndTheMetricsShowWhatTheInspectorGeneralMeasured() {
        ClockUtil.setCurrentTime(Date.from(T0));
        ApiClient agent = ApiClient.as(port, "agent");
        TasklistClient agentTasks = new TasklistClient(agent);
        TasklistClient supervisorTasks = new TasklistClient(ApiClient.as(port, "supervisor"));
        ApiClient ice = ApiClient.as(port, "ice-officer");
        TasklistClient iceTasks = new TasklistClient(ice);

        // a single adult, released on his own recognizance
        record(agent, ApprehensionFixtures.singleAdult("REL0001"));
        agentTasks.completeIntake("REL0001-01", false);
        assertThat(supervisorTasks.complete("REL0001-01", "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true"))
                .status()).isEqualTo(204);
        ApiClient.Response noUnit = agentTasks.complete("REL0001-01", "Task_RecordIntendedAddress", Map.of(
                "addressStreet", "1208 Maple Ave", "addressBuildingType", "MULTI_UNIT", "addressCity", "Houston",
                "addressState", "TX", "addressZip", "77002"));
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body()).contains("addressUnit");
        recordAddress(agentTasks, "REL0001-01", "1208 Maple Ave", "4B");
        release(agentTasks, "REL0001-01");

        // a mother and two children: one decision, one address, released together
        record(agent, ApprehensionFixtures.family("REL0002"));
        for (String member : List.of("REL0002-01", "REL0002-02", "REL0002-03")) {
            agentTasks.completeIntake(member, true);
        }
        assertThat(caseView(agent, "REL0002-02").get("openTasks")).isEmpty();
        supervisorTasks.complete("REL0002-01", "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true"));
        recordAddress(agentTasks, "REL0002-01", "77 Oak St", "2");
        ApiClient.Response oneNumberForAll = agentTasks.complete("REL0002-01", "Task_IssueReleaseDocuments",
                Map.of("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-1"));
        assertThat(oneNumberForAll.status()).isEqualTo(400);
        assertThat(oneNumberForAll.body()).as("names the child without a document of his own")
                .containsPattern("Document number of Lopez, Luis \\(age \\d+, case REL0002-02\\)").contains("is required");
        ApiClient.Response sameNumberTwice = agentTasks.complete("REL0002-01", "Task_IssueReleaseDocuments",
                Map.of("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-1",
                        "familyMember1DocumentNumber", "A-2", "familyMember2DocumentNumber", "A-1"));
        assertThat(sameNumberTwice.status()).isEqualTo(400);
        assertThat(sameNumberTwice.body()).contains("is the number of another person's document");
        assertThat(caseView(agent, "REL0002-01").get("status").asText()).as("nothing released").isEqualTo("IN_CBP_CUSTODY");
        assertThat(agentTasks.complete("REL0002-01", "Task_IssueReleaseDocuments", Map.of("releaseDocuments", "NTA_I862",
                "releaseDocumentNumber", "A-1", "familyMember1DocumentNumber", "A-2", "familyMember2DocumentNumber", "A-3"))
                .status()).isEqualTo(204);
        assertThat(agent.get("/api/cases/REL0002-01/timeline").body()).contains("Notice to Appear (I-862) number A-1 ");
        assertThat(agent.get("/api/cases/REL0002-02/timeline").body()).contains("Notice to Appear (I-862) number A-2 ");
        assertThat(agent.get("/api/cases/REL0002-03/timeline").body()).contains("Notice to Appear (I-862) number A-3 ");
        runDueJobs();
        for (String member : List.of("REL0002-01", "REL0002-02", "REL0002-03")) {
            JsonNode view = caseView(agent, member);
            assertThat(view.get("status").asText()).isEqualTo("RELEASED_AWAITING_CHECK_IN");
            assertThat(Instant.parse(view.get("checkInDueBy").asText())).isEqualTo(T0.plus(Duration.ofDays(60)));
        }

        // an adult the supervisor sends to ICE detention: an override needs its reason
        record(agent, ApprehensionFixtures.singleAdult("REL0003"));
        agentTasks.completeIntake("REL0003-01", false);
        assertThat(supervisorTasks.complete("REL0003-01", "Task_ApproveCustodyOutcome", Map.of("approveProposal", "false",
                "overrideOutcome", "TRANSFER_TO_ICE_DETENTION")).status()).isEqualTo(400);
        assertThat(supervisorTasks.complete("REL0003-01", "Task_ApproveCustodyOutcome", Map.of("approveProposal", "false",
                "overrideOutcome", "TRANSFER_TO_ICE_DETENTION", "overrideReason", "failed to appear before")).status())
                .isEqualTo(204);
        agentTasks.complete("REL0003-01", "Task_PrepareIceTransfer",
                Map.of("iceFacility", "PISPC", "transferRecord", "no medical issues; one bag"));
        assertThat(iceTasks.complete("REL0003-01", "Task_AcceptIceTransfer", Map.of("iceBookInNumber", "B-77")).status())
                .isEqualTo(204);
        assertThat(caseView(agent, "REL0003-01").get("status").asText()).isEqualTo("TRANSFERRED_TO_ICE");
        assertThat(timelineTypes(agent, "REL0003-01")).contains("RELEASE_PROPOSED", "CUSTODY_OUTCOME_DECIDED",
                "TRANSFERRED_TO_ICE");

        // someone whose date of birth nobody knows stays undetermined, in custody
        record(agent, ApprehensionFixtures.singleAdult("REL0004").replace("\"dateOfBirth\": \"1988-03-14\",", ""));
        agentTasks.completeIntake("REL0004-01", false);
        assertThat(caseView(agent, "REL0004-01").get("classification").asText()).isEqualTo("UNDETERMINED");

        // ten days on, the adult reports to ICE; a case that is not waiting for one cannot check in
        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(10))));
        String checkIn = "{ \"reportedAt\": \"%s\", \"office\": \"Houston ERO\" }"
                .formatted(T0.plus(Duration.ofDays(10)).atOffset(ZoneOffset.ofHours(-6)));
        assertThat(agent.post("/api/cases/REL0001-01/check-ins", checkIn).status()).isEqualTo(403);
        assertThat(ice.post("/api/cases/REL0003-01/check-ins", checkIn).status()).isEqualTo(409);
        assertThat(ice.post("/api/cases/REL0001-01/check-ins", "{ \"reportedAt\": \"2026-12-20T15:00:00\", "
                + "\"office\": \"Houston ERO\" }").status()).isEqualTo(400);
        ApiClient.Response checkedIn = ice.post("/api/cases/REL0001-01/check-ins", checkIn);
        assertThat(checkedIn.status()).isEqualTo(201);
        assertThat(checkedIn.json().get("onTime").asBoolean()).isTrue();
        assertThat(ice.post("/api/cases/REL0001-01/check-ins", checkIn).status()).as("only once").isEqualTo(409);
        assertThat(caseView(agent, "REL0001-01").get("status").asText()).isEqualTo("CHECKED_IN");

        // sixty days pass: the family did not report; ICE is asked to locate the mother, the children with her
        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(60)).plusSeconds(60)));
        runDueJobs();
        for (String member : List.of("REL0002-01", "REL0002-02", "REL0002-03")) {
            assertThat(caseView(agent, member).get("status").asText()).isEqualTo("CHECK_IN_OVERDUE");
        }
        JsonNode mother = caseView(agent, "REL0002-01");
        assertThat(mother.get("openTasks").get(0).get("name").asText()).isEqualTo("Locate person who missed check-in");
        assertThat(mother.get("openTasks").get(0).get("candidateGroup").asText()).isEqualTo("ice-ero-officer");
        assertThat(caseView(agent, "REL0002-03").get("openTasks")).as("one search for the family").isEmpty();
        // the son turns up late: accepted, and his follow-up with his mother's ends
        String late = "{ \"reportedAt\": \"%s\", \"office\": \"San Antonio ERO\" }"
                .formatted(T0.plus(Duration.ofDays(60)).plusSeconds(60).atOffset(ZoneOffset.UTC));
        ApiClient.Response lateCheckIn = ice.post("/api/cases/REL0002-02/check-ins", late);
        assertThat(lateCheckIn.status()).isEqualTo(201);
        assertThat(lateCheckIn.json().get("onTime").asBoolean()).isFalse();
        assertThat(caseView(agent, "REL0002-02").get("openTasks")).isEmpty();
        assertThat(timelineTypes(agent, "REL0002-02")).containsSubsequence("ADDRESS_RECORDED", "RELEASED",
                "ICE_NOTIFIED", "CLOCK_BREACHED", "CHECKED_IN");

        LocalDate from = T0.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        LocalDate to = T0.plus(Duration.ofDays(61)).atOffset(ZoneOffset.UTC).toLocalDate();
        ApiClient.Response metrics = ApiClient.as(port, "manager")
                .get("/api/reports/custody-metrics?from=" + from + "&to=" + to);
        assertThat(metrics.status()).isEqualTo(200);
        JsonNode figures = metrics.json();
        assertThat(figures.get("apprehended").asLong()).isEqualTo(6);
        assertThat(figures.get("released").asLong()).isEqualTo(4);
        assertThat(figures.get("releasedWithVerifiedAddress").asLong()).isEqualTo(4);
        assertThat(figures.get("addressCaptureRate").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("checkInsDue").asLong()).isEqualTo(4);
        assertThat(figures.get("checkInsOnTime").asLong()).isEqualTo(1);
        assertThat(figures.get("checkInComplianceRate").asDouble()).isEqualTo(0.25);
        assertThat(figures.get("custodyLimitBreaches").asLong()).as("every clock's breaches").isEqualTo(4);
        assertThat(figures.get("breachesByClock").get("CBP_HOLDING_LIMIT").asLong())
                .as("the undetermined person, still held").isEqualTo(1);
        assertThat(figures.get("breachesByClock").get("CHECK_IN").asLong()).isEqualTo(3);
        assertThat(figures.get("familyStatusUndetermined").asLong()).isEqualTo(1);
        assertThat(figures.get("custodyEnded").asLong())
                .as("the four released and the man ICE took; not the person still held").isEqualTo(5);
        assertThat(figures.get("medianHoursInCustody").asDouble()).as(metrics.body()).isEqualTo(3.0);

        assertThat(ApiClient.as(port, "agent").get("/api/reports/custody-metrics?from=" + from + "&to=" + to).status())
                .isEqualTo(403);
        ApiClient.Response badPeriod = ApiClient.as(port, "manager").get("/api/reports/custody-metrics?from=" + to
                + "&to=" + from);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().get("field").asText()).isEqualTo("to");
    }

    private static void record(ApiClient agent, String apprehension) {
        ApiClient.Response response = agent.post("/api/apprehensions", apprehension);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static void recordAddress(TasklistClient agentTasks, String caseNumber, String street, String unit) {
        ApiClient.Response response = agentTasks.complete(caseNumber, "Task_RecordIntendedAddress", Map.of(
                "addressStreet", street, "addressUnit", unit, "addressBuildingType", "MULTI_UNIT",
                "addressCity", "Houston", "addressState", "TX", "addressZip", "77002",
                "contactPhone", "713-555-0199"));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static void release(TasklistClient agentTasks, String caseNumber) {
        ApiClient.Response response = agentTasks.complete(caseNumber, "Task_IssueReleaseDocuments",
                Map.of("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-" + caseNumber));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private void runDueJobs() {
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private static JsonNode caseView(ApiClient user, String caseNumber) {
        ApiClient.Response response = user.get("/api/cases/" + caseNumber);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> timelineTypes(ApiClient user, String caseNumber) {
        List<String> types = new ArrayList<>();
        user.get("/api/cases/" + caseNumber + "/timeline").json().forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }
}
