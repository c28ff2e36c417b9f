package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused choice reads in the form's words where a person reads it (Tasklist's own API), and in codes where a
 * program reads it (the REST API); either way nothing of the refused completion is saved.
 */
@CustodyApplicationTest
class RefusalsInWordsTest {

    static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @Test
    void aRefusedOverrideNamesTheOutcomesInWordsInTasklistAndInCodesInTheApi() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("RIW0001")).status()).isEqualTo(201);
        new TasklistClient(agent).completeIntake("RIW0001-01", false);
        String approval = new TasklistClient(ApiClient.as(port, "supervisor")).taskId("RIW0001-01",
                "Task_ApproveCustodyOutcome");
        taskService.claim(approval, "supervisor");
        String answers = """
                {"variables": {"approveProposal": {"value": "false"}, "overrideOutcome": {"value": "PAROLE"},
                 "overrideReason": {"value": "x"}}}""";

        ApiClient tasklist = ApiClient.anonymous(port);
        assertThat(tasklist.webappLogin("tasklist", "supervisor", "supervisor").status()).isEqualTo(200);
        String csrf = tasklist.webappCsrfToken();
        ApiClient.Response inTasklist = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + approval
                + "/submit-form", "application/json", answers.getBytes(), false, java.util.Map.of("X-XSRF-TOKEN", csrf));
        ApiClient.Response inTheApi = ApiClient.as(port, "supervisor").post("/engine-rest/task/" + approval
                + "/submit-form", answers);

        assertThat(inTasklist.status()).as(inTasklist.body()).isEqualTo(400);
        JsonNode refused = inTasklist.json();
        assertThat(refused.get("message").asText()).as("what Tasklist shows")
                .contains("Outcome instead: must be one of: Release: Notice to Appear, own recognizance;")
                .contains("Expedited removal");
        assertThat(CODE.matcher(refused.get("message").asText()).find()).as(refused.get("message").asText()).isFalse();
        assertThat(refused.get("problems").findValuesAsText("field")).contains("overrideOutcome");
        assertThat(inTheApi.status()).isEqualTo(400);
        assertThat(inTheApi.body()).contains("EXPEDITED_REMOVAL");
        assertThat(taskService.createTaskQuery().taskId(approval).count()).as("still open").isEqualTo(1);
    }
}
