package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.DueJobs;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The three journeys across the processes of a case, through the case API and Tasklist as people work them: an adult
 * released by CBP and checked in with ICE, a family released together whose check-in is missed, an unaccompanied
 * child transferred to ORR whose late notification is followed up after the transfer. Each process of a case has
 * the case number as business key and the case's sector as tenant; the timeline reads as one story.
 */
@CustodyApplicationTest
class CrossProcessJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAdultReleasedByCbpIsFollowedUpByIceAndChecksIn() {
        String caseNumber = new Journeys(port).releasedAdult("XPJ0001");
        DueJobs.runFor("XPJ0001", managementService, runtimeService);

        HistoricProcessInstance custody = process(CustodyProcess.KEY, caseNumber);
        assertThat(custody.getEndTime()).as("CBP's part ended with the release").isNotNull();
        assertThat(custody.getEndActivityId()).isEqualTo(CustodyProcess.Elements.END_RELEASED_TO_FOLLOW_UP);
        ProcessInstance followUp = running(ReleaseFollowUpProcess.KEY, caseNumber);
        assertThat(followUp.getTenantId()).as("the sector holding the person").isEqualTo(custody.getTenantId())
                .isEqualTo("SDC");
        assertThat(runtimeService.getActivityInstance(followUp.getId()).getActivityInstances(
                ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE)).hasSize(1);
        assertThat(status(caseNumber)).isEqualTo("RELEASED_AWAITING_CHECK_IN");

        ApiClient.Response checkIn = ApiClient.as(port, "ice-system").post("/api/cases/" + caseNumber + "/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Houston ERO\" }");

        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        assertThat(process(ReleaseFollowUpProcess.KEY, caseNumber).getEndActivityId())
                .isEqualTo(ReleaseFollowUpProcess.Elements.END_CHECKED_IN);
        assertThat(status(caseNumber)).isEqualTo("CHECKED_IN");
        assertThat(types(caseNumber)).containsSubsequence("APPREHENDED", "INTAKE_RECORDED", "ADDRESS_RECORDED",
                "RELEASED", "ICE_NOTIFIED", "CHECKED_IN");
    }

    @Test
    void aFamilyReleasedTogetherWhoMissesTheCheckInIsLookedForOnceAndTheChildrenWithTheMother() {
        List<String> family = new Journeys(port).releasedFamily("XPJ0002");
        String mother = family.get(0);
        for (String member : family) {
            assertThat(process(CustodyProcess.KEY, member).getEndActivityId()).as(member)
                    .isEqualTo(CustodyProcess.Elements.END_RELEASED_TO_FOLLOW_UP);
            assertThat(running(ReleaseFollowUpProcess.KEY, member)).as(member).isNotNull();
        }

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(61))));
        DueJobs.runFor("XPJ0002", managementService, runtimeService);
        ApiClient.Response located = new TasklistClient(ApiClient.as(port, "ice-officer")).complete(mother,
                "Task_LocatePerson", Map.of("locateOutcome", "NOT_AT_ADDRESS", "locateNotes", "moved, no new address"));

        assertThat(located.status()).as(located.body()).isEqualTo(204);
        assertThat(process(ReleaseFollowUpProcess.KEY, mother).getEndActivityId())
                .isEqualTo(ReleaseFollowUpProcess.Elements.END_FOLLOW_UP_CLOSED);
        for (String child : family.subList(1, family.size())) {
            assertThat(process(ReleaseFollowUpProcess.KEY, child).getEndActivityId()).as(child)
                    .isEqualTo("EndEvent_FollowedUpWithFamily");
            assertThat(types(child)).containsSubsequence("RELEASED", "FOLLOWED_UP_WITH_PARENT");
        }
    }

    @Test
    void aChildTransferredToOrrStartsNoReleaseFollowUpAndTheLateNotificationIsFollowedUpAfterTheTransfer() {
        String child = new Journeys(port).childAwaitingPlacement("XPJ0003");
        TasklistClient orr = new TasklistClient(ApiClient.as(port, "orr-liaison"));
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(4))));
        DueJobs.runFor("XPJ0003", managementService, runtimeService);
        assertThat(orrTransferFollowUp(child)).as("the late ORR transfer's follow-up").isNotNull();

        assertThat(orr.complete(child, "Task_DesignateOrrPlacement", Map.of("orrFacility", "ORR-SH-TX-01",
                "orrPlacementType", "SHELTER")).status()).isEqualTo(204);
        assertThat(orr.complete(child, "Task_ConfirmTransferToOrr", Map.of("orrReceivedBy", "M. Ortiz")).status())
                .isEqualTo(204);

        assertThat(process(CustodyProcess.KEY, child).getEndTime()).as("CBP's part ended with the transfer")
                .isNotNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(child).count()).as("no release follow-up for a child in ORR care").isZero();
        ProcessInstance breach = orrTransferFollowUp(child);
        assertThat(breach).as("the follow-up outlives the custody process").isNotNull();
        assertThat(breach.getTenantId()).isEqualTo(process(CustodyProcess.KEY, child).getTenantId());
        assertThat(types(child)).containsSubsequence("APPREHENDED", "CLOCK_BREACHED", "ORR_PLACEMENT_DESIGNATED",
                "TRANSFERRED_TO_ORR");
    }

    private HistoricProcessInstance process(String key, String caseNumber) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    private ProcessInstance running(String key, String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    private ProcessInstance orrTransferFollowUp(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber)
                .variableValueEquals(CustodyProcess.Variables.BREACHED_CLOCK, LegalClock.ORR_TRANSFER.name())
                .singleResult();
    }

    private String status(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json().get("status").asText();
    }

    private List<String> types(String caseNumber) {
        List<String> types = new ArrayList<>();
        for (JsonNode entry : ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json()) {
            types.add(entry.get("type").asText());
        }
        return types;
    }
}
