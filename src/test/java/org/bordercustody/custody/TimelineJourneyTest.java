package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole timeline of a case, entry by entry, for each way out of CBP custody: what happened, in order, who did
 * it, and each answer where it belongs (a document number is a document number, a reason a reason).
 */
@CustodyApplicationTest
class TimelineJourneyTest {

    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b[A-Z0-9]{2,}_[A-Z0-9_]{2,}\\b");

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    @Test
    void releaseFromCbpCustodyToTheCheckIn() {
        String caseNumber = new Journeys(port).releasedAdult("TLJ0001");
        runDueJobs();
        ApiClient.Response checkIn = ApiClient.as(port, "ice-officer").post("/api/cases/" + caseNumber + "/check-ins",
                "{\"reportedAt\": \"" + java.time.OffsetDateTime.now() + "\", \"office\": \"Dallas ERO\"}");
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);

        List<JsonNode> timeline = timeline(caseNumber);
        inWords(timeline);
        assertThat(timeline).extracting(entry -> entry.get("type").asText() + " by " + entry.get("actor").asText())
                .containsExactly("APPREHENDED by agent", "TASK_COMPLETED by agent", "INTAKE_RECORDED by agent",
                        "FAMILY_STATUS_DECIDED by system", "PLACEMENT_DECIDED by system", "RELEASE_PROPOSED by system",
                        "TASK_COMPLETED by supervisor", "CUSTODY_OUTCOME_DECIDED by supervisor",
                        "TASK_COMPLETED by agent", "ADDRESS_RECORDED by agent", "TASK_COMPLETED by agent",
                        "RELEASED by agent", "ICE_NOTIFIED by system", "CHECKED_IN by ice-officer");
        assertThat(description(timeline, "CUSTODY_OUTCOME_DECIDED")).isEqualTo(
                "Supervisor approved the proposal: Release: Notice to Appear, own recognizance");
        assertThat(description(timeline, "ADDRESS_RECORDED")).isEqualTo("Intended U.S. address: " + Journeys.streetOf("TLJ0001") + ", Dallas, TX 75201");
        assertThat(timeline.get(10).get("description").asText())
                .contains("Documents issued: Notice to Appear (I-862); Document number: A-TLJ0001");
        assertThat(description(timeline, "RELEASED"))
                .startsWith("Released with Notice to Appear (I-862) number A-TLJ0001 to " + Journeys.streetOf("TLJ0001")
                        + ", Dallas, TX 75201;"
                        + " report to ICE by ");
        assertThat(description(timeline, "ICE_NOTIFIED")).startsWith("ICE notified of the release to " + Journeys.streetOf("TLJ0001"));
        assertThat(description(timeline, "CHECKED_IN")).startsWith("Reported to ICE at Dallas ERO on ").endsWith("on time");
    }

    @Test
    void documentsOtherThanTheApprovedOutcomesAreRefusedUnlessTheAgentSaysWhy() {
        Journeys journeys = new Journeys(port);
        String caseNumber = journeys.adultAfterIntake("TLJ0004");
        assertThat(new TasklistClient(ApiClient.as(port, "supervisor")).complete(caseNumber,
                "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true")).status()).isEqualTo(204);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        assertThat(agent.complete(caseNumber, "Task_RecordIntendedAddress", Map.of("addressStreet", "9 Pine St",
                "addressBuildingType", "SINGLE_UNIT", "addressCity", "Austin", "addressState", "TX",
                "addressZip", "78701")).status()).isEqualTo(204);
        int entries = timeline(caseNumber).size();

        ApiClient.Response refused = agent.complete(caseNumber, "Task_IssueReleaseDocuments",
                Map.of("releaseDocuments", "NTR_I385", "releaseDocumentNumber", "R-1"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("releaseDocuments")
                .contains("must be the Notice to Appear (I-862) of the approved outcome");
        assertThat(timeline(caseNumber)).as("nothing recorded").hasSize(entries);
        assertThat(ApiClient.as(port, "agent").get("/api/cases/" + caseNumber).json().get("status").asText())
                .isEqualTo("IN_CBP_CUSTODY");

        assertThat(agent.complete(caseNumber, "Task_IssueReleaseDocuments", Map.of("releaseDocuments", "NTR_I385",
                "releaseDocumentNumber", "R-1", "documentsDifferReason", "I-862 forms out of stock")).status())
                .isEqualTo(204);
        assertThat(description(timeline(caseNumber), "RELEASED")).startsWith("Released with Notice to Report (I-385)"
                + " number R-1 (not the documents of the approved outcome, Release: Notice to Appear, own"
                + " recognizance: I-862 forms out of stock) to 9 Pine St");
    }

    @Test
    void expeditedRemovalFromCbpCustody() {
        String caseNumber = new Journeys(port).adultAfterIntake("TLJ0002");
        TasklistClient supervisor = new TasklistClient(ApiClient.as(port, "supervisor"));
        assertThat(supervisor.complete(caseNumber, "Task_ApproveCustodyOutcome", Map.of("approveProposal", "false",
                "overrideOutcome", "EXPEDITED_REMOVAL", "overrideReason", "final order on file")).status())
                .isEqualTo(204);
        assertThat(new TasklistClient(ApiClient.as(port, "agent")).complete(caseNumber, "Task_RecordRemoval",
                Map.of("departurePort", "Hidalgo")).status()).isEqualTo(204);

        List<JsonNode> timeline = timeline(caseNumber);
        inWords(timeline);
        assertThat(timeline).extracting(entry -> entry.get("type").asText() + " by " + entry.get("actor").asText())
                .containsExactly("APPREHENDED by agent", "TASK_COMPLETED by agent", "INTAKE_RECORDED by agent",
                        "FAMILY_STATUS_DECIDED by system", "PLACEMENT_DECIDED by system", "RELEASE_PROPOSED by system",
                        "TASK_COMPLETED by supervisor", "CUSTODY_OUTCOME_DECIDED by supervisor",
                        "TASK_COMPLETED by agent", "REMOVED by agent");
        assertThat(description(timeline, "CUSTODY_OUTCOME_DECIDED")).isEqualTo(
                "Supervisor overrode the proposal (Release: Notice to Appear, own recognizance) with: Expedited removal,"
                        + " because final order on file");
        assertThat(timeline.get(8).get("description").asText())
                .isEqualTo("Task completed: Record removal or return. Port of departure: Hidalgo");
        assertThat(description(timeline, "REMOVED")).isEqualTo("Expedited removal through Hidalgo");
    }

    @Test
    void unaccompaniedChildTransferredToOrr() {
        String child = new Journeys(port).childAwaitingPlacement("TLJ0003");
        TasklistClient orr = new TasklistClient(ApiClient.as(port, "orr-liaison"));
        assertThat(orr.complete(child, "Task_DesignateOrrPlacement", Map.of("orrFacility", "ORR-SH-TX-01",
                "orrPlacementType", "SHELTER")).status()).isEqualTo(204);
        assertThat(orr.complete(child, "Task_ConfirmTransferToOrr", Map.of("orrReceivedBy", "M. Ortiz")).status())
                .isEqualTo(204);

        List<JsonNode> timeline = timeline(child);
        inWords(timeline);
        assertThat(timeline).extracting(entry -> entry.get("type").asText() + " by " + entry.get("actor").asText())
                .containsExactly("APPREHENDED by agent", "TASK_COMPLETED by agent", "INTAKE_RECORDED by agent",
                        "FAMILY_STATUS_DECIDED by system", "PLACEMENT_DECIDED by system", "TASK_COMPLETED by agent",
                        "TASK_COMPLETED by orr-liaison", "ORR_PLACEMENT_DESIGNATED by orr-liaison",
                        "TASK_COMPLETED by orr-liaison", "TRANSFERRED_TO_ORR by system");
        assertThat(description(timeline, "FAMILY_STATUS_DECIDED")).startsWith(
                "The family status decision found: unaccompanied child (age 9, companion: other relative");
        assertThat(timeline.get(5).get("description").asText()).endsWith("ORR referral id (UC Portal): UC-TLJ0003");
        assertThat(timeline.get(6).get("description").asText())
                .endsWith("ORR care provider: ORR shelter care provider (Brownsville), Brownsville TX: shelter, ages 0-17; Placement type: Shelter");
        assertThat(timeline.get(7).get("description").asText())
                .isEqualTo("ORR designated a placement (Shelter) at ORR shelter care provider (Brownsville) (ORR-SH-TX-01)");
        assertThat(timeline.get(8).get("description").asText()).endsWith("Received by (ORR staff): M. Ortiz");
        assertThat(description(timeline, "TRANSFERRED_TO_ORR"))
                .isEqualTo("Transferred to HHS ORR care at ORR shelter care provider (Brownsville) (ORR-SH-TX-01); CBP custody ended");
    }

    /** What a person reads is words: no code of the API (SINGLE_ADULT, NTA_I862...) in any entry. */
    private static void inWords(List<JsonNode> timeline) {
        assertThat(timeline).extracting(entry -> entry.get("description").asText())
                .noneMatch(text -> CODE.matcher(text).find());
    }

    private static String description(List<JsonNode> timeline, String type) {
        List<String> found = timeline.stream().filter(entry -> entry.get("type").asText().equals(type))
                .map(entry -> entry.get("description").asText()).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private void runDueJobs() {
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private List<JsonNode> timeline(String caseNumber) {
        List<JsonNode> entries = new ArrayList<>();
        ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json().forEach(entries::add);
        return entries;
    }
}
