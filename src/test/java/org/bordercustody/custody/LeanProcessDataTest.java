package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process keeps what its gateways, timers, decisions and forms read after a wait state, nothing more: answers,
 * decision inputs, display copies and personal data the case tables hold never reach Camunda's runtime or history
 * tables, and the forms still show the person, the clocks and the address, read from the case.
 */
@CustodyApplicationTest
class LeanProcessDataTest {

    /** What a released person's follow-up holds while awaiting the check-in, and all it ever held. */
    static final List<String> KEPT_FOR_A_RELEASED_CASE = List.of("custodyWarningAt", "custodyDeadline",
            "familyDecisionLead", "checkInDueBy");
    static final List<String> NEVER_KEPT = List.of("personName", "caseNumber", "personFacts",
            "custodyClock", "familyCovered", "addressStreet", "addressCity", "addressZip", "contactPhone", "releaseAddressText",
            "biometricsStatus", "recordsCheckResult", "flightRisk", "processingPathway", "approveProposal",
            "releaseDocuments", "releaseDocumentNumber", "ageAtApprehension", "custodyExit", "addressRecurring",
            "classification", "placement", "releaseProposal", "proposedOutcome", "custodyOutcome");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;

    @Test
    void aReleasedPersonsProcessKeepsOnlyWhatItRoutesOnAndNoPersonalData() {
        String caseNumber = new Journeys(port).releasedAdult("LEAN001");
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();

        List<String> running = runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).list()
                .stream().map(VariableInstance::getName).toList();
        List<String> everHeld = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list()
                .stream().map(HistoricVariableInstance::getName).toList();

        assertThat(running).containsExactlyInAnyOrderElementsOf(KEPT_FOR_A_RELEASED_CASE);
        assertThat(everHeld).containsExactlyInAnyOrderElementsOf(KEPT_FOR_A_RELEASED_CASE).doesNotContainAnyElementsOf(NEVER_KEPT);
    }

    @Test
    void historyKeepsPhasesEndsAndTasksButNotTheStepsBetween() {
        String caseNumber = new Journeys(port).releasedAdult("LEAN002");
        String instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CustodyProcess.KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();

        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance).list();

        assertThat(activities).extracting(HistoricActivityInstance::getActivityId)
                .contains("SubProcess_CbpCustody", "EndEvent_Released", CustodyProcess.Elements.END_RELEASED_TO_FOLLOW_UP);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).list())
                .filteredOn(task -> task.getEndTime() != null)
                .extracting(HistoricTaskInstance::getTaskDefinitionKey)
                .contains("Task_RecordIntake", "Task_ApproveCustodyOutcome", "Task_RecordIntendedAddress",
                        "Task_IssueReleaseDocuments");
        assertThat(activities).extracting(HistoricActivityInstance::getActivityType)
                .allMatch(KeptHistory.KEPT_ACTIVITY_TYPES::contains);
        assertThat(activities).extracting(HistoricActivityInstance::getActivityId)
                .doesNotContain("Task_RecordIntake", "Task_StoreIntakeFacts", "Gateway_CustodyOutcome",
                        "Task_DecideFamilyStatus");
    }

    @Test
    void theFormsStillShowThePersonTheClockAndTheAddressReadFromTheCase() {
        String caseNumber = new Journeys(port).adultAfterIntake("LEAN003");
        assertThat(new TasklistClient(ApiClient.as(port, "supervisor")).complete(caseNumber,
                "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true")).status()).isEqualTo(204);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        assertThat(agent.complete(caseNumber, "Task_RecordIntendedAddress", Map.of("addressStreet", "12 Elm St",
                "addressBuildingType", "SINGLE_UNIT", "addressCity", "Dallas", "addressState", "TX",
                "addressZip", "75201", "contactPhone", "+12145550100")).status()).isEqualTo(204);
        String taskId = agent.taskId(caseNumber, "Task_IssueReleaseDocuments");

        JsonNode shown = ApiClient.as(port, "agent").get("/engine-rest/task/" + taskId + "/form-variables").json();

        assertThat(shown.at("/personName/value").asText()).isEqualTo("Ramirez, Jose");
        assertThat(shown.at("/caseNumber/value").asText()).isEqualTo(caseNumber);
        assertThat(shown.at("/personFacts/value").asText()).matches("age \\d+, male, .+");
        assertThat(shown.at("/custodyClock/value").asText()).contains("hours in CBP custody; 72-hour limit")
                .endsWith("UTC");
        assertThat(shown.at("/releaseAddressText/value").asText()).contains("12 Elm St", "Dallas, TX 75201");
        assertThat(shown.at("/custodyOutcome/value").asText()).isEqualTo("RELEASE_NTA_OR");
        assertThat(taskService.getVariables(taskId)).doesNotContainKeys("personName", "releaseAddressText",
                "addressStreet", "contactPhone");
    }

    @Test
    void anUnaccompaniedChildsFormsShowTheOrrTransferClock() {
        String child = new Journeys(port).childAwaitingPlacement("LEAN004");
        String taskId = new TasklistClient(ApiClient.as(port, "orr-liaison")).taskId(child, "Task_DesignateOrrPlacement");

        JsonNode shown = ApiClient.as(port, "orr-liaison").get("/engine-rest/task/" + taskId + "/form-variables").json();

        assertThat(shown.at("/custodyClock/value").asText())
                .matches("Unaccompanied child: transfer to HHS ORR due by .+ UTC \\(7[01] h left\\); CBP 72-hour limit .+");
    }
}
