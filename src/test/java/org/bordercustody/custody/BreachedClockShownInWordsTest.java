package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The follow-up of a clock that ran out names the clock in words on its form; the task keeps the code. */
@CustodyApplicationTest
class BreachedClockShownInWordsTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @Test
    void theCustodyLimitsFollowUpFormReadsTheLimitsNameAndItsStandard() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("BCW0001",
                ApprehensionFixtures.hoursAgo(73))).status()).isEqualTo(201);
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BCW0001-01")
                .processDefinitionKey(CustodyProcess.KEY).singleResult().getId();
        for (int round = 0; round < 5; round++) {
            managementService.createJobQuery().processInstanceId(instance).timers().executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
        Task followUp = taskService.createTaskQuery().processInstanceBusinessKey("BCW0001-01")
                .taskDefinitionKey("Task_ResolveCustodyLimitBreach").singleResult();

        JsonNode shown = ApiClient.as(port, "supervisor").get("/engine-rest/task/" + followUp.getId()
                + "/form-variables").json();

        assertThat(shown.path("breachedClockWords").path("value").asText())
                .startsWith("CBP holding limit (TEDS 2015 section 1.8), passed at ");
        assertThat(taskService.getVariable(followUp.getId(), "breachedClock")).as("the code stays in the data")
                .isEqualTo("CBP_HOLDING_LIMIT");
    }
}
