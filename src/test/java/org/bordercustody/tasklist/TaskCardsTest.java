package org.bordercustody.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task card names the person and the task's clock, for those who may see the task and no one else. */
@CustodyApplicationTest
class TaskCardsTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void theAgentsCardOfAnOverdueIntakeNamesThePersonTheAgeAndHowLate() {
        String taskId = intakeOf("CARD0001", ApprehensionFixtures.hoursAgo(20));

        ApiClient.Response response = ApiClient.as(port, "agent").get("/api/tasks/" + taskId + "/card");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode card = response.json();
        assertThat(card.get("name").asText()).isEqualTo("Ramirez, Jose");
        assertThat(card.get("caseNumber").asText()).isEqualTo("CARD0001-01");
        assertThat(card.get("age").isInt()).isTrue();
        assertThat(card.get("overdue").asBoolean()).isTrue();
        assertThat(card.get("clock").asText()).isEqualTo("overdue by 8 hours");
        assertThat(card.get("urgency").asText()).isEqualTo("escalation");
    }

    @Test
    void aTaskOfAnotherGroupHasNoCardForThemAndAnUnknownTaskNeither() {
        String taskId = intakeOf("CARD0002", ApprehensionFixtures.hoursAgo(1));

        assertThat(ApiClient.as(port, "agent").get("/api/tasks/" + taskId + "/card").json().get("clock").asText())
                .isEqualTo("due in 11 hours");
        for (String other : new String[] {"supervisor", "orr-liaison", "ice-officer"}) {
            ApiClient.Response response = ApiClient.as(port, other).get("/api/tasks/" + taskId + "/card");
            assertThat(response.status()).as(other).isEqualTo(404);
            assertThat(response.body()).as(other).doesNotContain("Ramirez").doesNotContain("CARD0002");
        }
        assertThat(ApiClient.as(port, "agent").get("/api/tasks/no-such-task/card").status()).isEqualTo(404);
    }

    @Test
    void theSupervisorsCardOfABreachFollowUpNamesTheChildAndIsAnEscalationForThemOnly() {
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.childWithAunt("CARD0003", ApprehensionFixtures.hoursAgo(50))).status()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake("CARD0003-01", false);
        agent.completeIntake("CARD0003-02", false);
        // The child's processes: custody, and ORR's transfer it calls, which holds the HHS notification clock.
        for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CARD0003-02").list()) {
            for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                managementService.executeJob(job.getId());
            }
        }
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("CARD0003-02")
                .taskDefinitionKey("Task_FollowUpLateHhsNotification").singleResult().getId();

        ApiClient.Response response = ApiClient.as(port, "supervisor").get("/api/tasks/" + taskId + "/card");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode card = response.json();
        assertThat(card.get("name").asText()).isEqualTo("Perez, Carla");
        assertThat(card.get("caseNumber").asText()).isEqualTo("CARD0003-02");
        assertThat(card.get("overdue").asBoolean()).isTrue();
        assertThat(card.get("clock").asText()).isEqualTo("overdue by 2 hours");
        assertThat(card.get("urgency").asText()).isEqualTo("escalation");
        for (String other : new String[] {"agent", "orr-liaison", "ice-officer"}) {
            assertThat(ApiClient.as(port, other).get("/api/tasks/" + taskId + "/card").status()).as(other)
                    .isEqualTo(404);
        }
    }

    private String intakeOf(String eventNumber, String apprehendedAt) {
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.singleAdult(eventNumber, apprehendedAt)).status()).isEqualTo(201);
        return taskService.createTaskQuery().processInstanceBusinessKey(eventNumber + "-01").singleResult().getId();
    }
}
