package org.bordercustody.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a Tasklist user may still do after the engine surface is closed, and the traces it leaves. */
@CustodyApplicationTest
class TaskWorkRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void anAgentClaimsForHerselfUnclaimsAndCompletesHerOwnTaskLeavingNoGrantBehind() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("TWR0001")).status()).isEqualTo(201);
        TasklistClient tasks = new TasklistClient(agent);
        String taskId = tasks.taskId("TWR0001-01", "Task_RecordIntake");

        assertThat(agent.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"agent\"}").status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("agent");
        assertThat(userGrantsOn(taskId)).as("claiming grants nothing").isZero();

        assertThat(agent.post("/engine-rest/task/" + taskId + "/unclaim", "").status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        assertThat(agent.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"agent\"}").status()).isEqualTo(204);
        tasks.completeIntake("TWR0001-01", false);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(userGrantsOn(taskId)).isZero();
    }

    @Test
    void aCompletionWithFieldsNotOnTheFormIsRefusedNamingEachAndSavesNothing() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("TWR0002")).status()).isEqualTo(201);
        TasklistClient tasks = new TasklistClient(agent);
        String taskId = tasks.taskId("TWR0002-01", "Task_RecordIntake");
        String instanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

        ApiClient.Response response = agent.post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\": {\"biometricsStatus\": {\"value\": \"CAPTURED\"}, \"personName\": {\"value\": \"Doe\"}, "
                        + "\"vip\": {\"value\": true}, \"flightRisk\": {\"value\": 3}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("personName: is not a field of this task's form")
                .contains("vip: is not a field of this task's form")
                .contains("flightRisk: is not a value of the kind this field takes");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(taskService.getVariable(taskId, "personName")).isNull();
        assertThat(formService.getTaskFormVariables(taskId).getValue("personName", String.class))
                .isEqualTo("Ramirez, Jose");
        assertThat(taskService.getVariable(taskId, "vip")).isNull();
        assertThat(taskService.getVariable(taskId, "biometricsStatus")).isNull();
        assertThat(instanceId).isNotNull();
    }

    @Test
    void evenAnAdministratorsCompletionCannotWriteTheProcesssOwnData() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("TWR0005")).status()).isEqualTo(201);
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("TWR0005-01").singleResult().getId();
        Object deadline = taskService.getVariable(taskId, "custodyDeadline");

        ApiClient.Response response = ApiClient.as(port, "admin").post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\": {\"biometricsStatus\": {\"value\": \"CAPTURED\"}, \"recordsCheckResult\": {\"value\": \"CLEAR\"},"
                        + " \"medicalScreening\": {\"value\": \"NO_CONCERNS\"}, \"processingPathway\": {\"value\": \"NTA_OR\"},"
                        + " \"flightRisk\": {\"value\": \"LOW\"}, \"custodyDeadline\": {\"value\": \"2030-01-01T00:00:00.000+0000\","
                        + " \"type\": \"Date\"}, \"orrFacility\": {\"value\": \"EVIL\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("custodyDeadline: is not a field of this task's form")
                .contains("orrFacility: is not a field of this task's form");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);
        assertThat(taskService.getVariable(taskId, "custodyDeadline")).isEqualTo(deadline);
        assertThat(taskService.getVariable(taskId, "orrFacility")).isNull();
    }

    @Test
    void aReadOnlyFieldShownOnTheFormCannotBeChanged() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("TWR0003")).status()).isEqualTo(201);
        new TasklistClient(agent).completeIntake("TWR0003-01", false);
        TasklistClient supervisor = new TasklistClient(ApiClient.as(port, "supervisor"));
        String taskId = supervisor.taskId("TWR0003-01", "Task_ApproveCustodyOutcome");
        Object proposed = taskService.getVariable(taskId, "proposedOutcome");

        ApiClient.Response response = supervisor.completeTask(taskId,
                java.util.Map.of("approveProposal", "true", "proposedOutcome", "RELEASE_NTA_OR"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("proposedOutcome: is shown for information and cannot be changed");
        assertThat(taskService.getVariable(taskId, "proposedOutcome")).isEqualTo(proposed);
    }

    @Test
    void anotherGroupsTaskAnswersWithTheEnginesRefusalWhetherClaimedOrNotSoNothingAboutItLeaks() {
        new Journeys(port).adultAwaitingIce("TWR0004");
        ApiClient agent = ApiClient.as(port, "agent");
        TasklistClient agentTasks = new TasklistClient(agent);
        String iceTask = taskService.createTaskQuery().processInstanceBusinessKey("TWR0004-01").singleResult().getId();

        ApiClient.Response unclaimed = agent.post("/engine-rest/task/" + iceTask + "/claim", "{\"userId\": \"agent\"}");
        assertThat(ApiClient.as(port, "ice-officer").post("/engine-rest/task/" + iceTask + "/claim",
                "{\"userId\": \"ice-officer\"}").status()).isEqualTo(204);
        ApiClient.Response claimed = agent.post("/engine-rest/task/" + iceTask + "/claim", "{\"userId\": \"agent\"}");
        ApiClient.Response completed = agentTasks.completeTask(iceTask, java.util.Map.of("iceBookInNumber", "B-1"));

        assertThat(List.of(unclaimed, claimed, completed)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("does not have").doesNotContain("claimed").doesNotContain("group");
        });
        assertThat(taskService.createTaskQuery().taskId(iceTask).singleResult().getAssignee()).isEqualTo("ice-officer");
    }

    private long userGrantsOn(String taskId) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .list().stream().filter(grant -> grant.getUserId() != null).count();
    }
}
