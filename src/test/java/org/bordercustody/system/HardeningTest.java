package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustodyApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void expressionsInTaskQueriesAreRefusedAlsoInsideOrQueries() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/engine-rest/task", "{\"candidateGroup\": \"border-patrol-agent\"}").status()).isEqualTo(200);

        assertThat(agent.post("/engine-rest/task",
                "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}").status()).isEqualTo(400);
        assertThat(agent.post("/engine-rest/task/count",
                "{\"orQueries\": [{\"assigneeExpression\": \"#{execution.getVariable('x')}\"}]}").status()).isEqualTo(400);
        assertThat(agent.get("/engine-rest/task?assigneeExpression="
                + URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8)).status()).isEqualTo(400);
        String filterId = agent.get("/engine-rest/filter?resourceType=Task").json().get(0).get("id").asText();
        assertThat(agent.post("/engine-rest/filter/" + filterId + "/list",
                "{\"orQueries\": [{\"candidateUserExpression\": \"${currentUser()}\"}]}").status()).isEqualTo(400);
        assertThat(agent.post("/engine-rest/filter/" + filterId + "/list", "{}").status())
                .as("the stored filter's own expression still works").isEqualTo(200);
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("HRD0001"));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("HRD0001-01")
                .singleResult().getId();
        String serialized = "{\"value\": \"rO0ABXQABWhlbGxv\", \"type\": \"Object\", \"valueInfo\": {"
                + "\"objectTypeName\": \"java.lang.String\", "
                + "\"serializationDataFormat\": \"application/x-java-serialized-object\"}}";

        ApiClient.Response response = ApiClient.as(port, "admin")
                .put("/engine-rest/process-instance/" + instance + "/variables/payload", serialized);

        // Camunda's REST API answers its own refusal (ENGINE-17007, Java serialization prohibited) with 500.
        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).contains("serialization");
        assertThat(runtimeService.getVariable(instance, "payload")).isNull();
    }

    @Test
    void webAppSessionCookiesAreHttpOnlyAndSameSite() {
        ApiClient.Response login = ApiClient.anonymous(port).webappLogin("tasklist", "agent", "agent");

        List<String> cookies = login.headers().getOrDefault("set-cookie", List.of());
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theCaseApiRefusesBodiesOverOneMebibyte() {
        String huge = "{\"eventNumber\": \"HRD0002\", \"padding\": \"" + "x".repeat(1024 * 1024) + "\"}";

        ApiClient.Response response = ApiClient.as(port, "agent").post("/api/apprehensions", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPersonsNameAppearsInNoLogLine(CapturedOutput output) {
        // The engine's command context logs every failed command in production; the test profile silences it.
        String engineContext = "org.camunda.bpm.engine.context";
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(engineContext, LogLevel.INFO);
        try {
            recordAndWorkARecognisablePerson();
        } finally {
            logging.setLogLevel(engineContext, LogLevel.OFF);
        }
        assertThat(output.getAll()).as("the refused completion was logged, the engine's context logger on")
                .contains("Answer refused, field overrideOutcome");
        assertThat(output.getAll()).doesNotContain("Zyxquorlandt").doesNotContain("Vexillumina");
    }

    private void recordAndWorkARecognisablePerson() {
        ApiClient agent = ApiClient.as(port, "agent");
        String recognisable = ApprehensionFixtures.singleAdult("HRD0003").replace("Ramirez", "Zyxquorlandt")
                .replace("\"Jose\"", "\"Vexillumina\"");
        assertThat(agent.post("/api/apprehensions", recognisable).status()).isEqualTo(201);
        new TasklistClient(agent).completeIntake("HRD0003-01", false);
        TasklistClient supervisor = new TasklistClient(ApiClient.as(port, "supervisor"));
        assertThat(supervisor.complete("HRD0003-01", "Task_ApproveCustodyOutcome",
                Map.of("approveProposal", "false")).status()).as("an override without its outcome").isEqualTo(400);
        supervisor.complete("HRD0003-01", "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true"));
        agent.get("/api/cases/HRD0003-01");
        agent.get("/api/cases/HRD0003-01/timeline");
        agent.post("/api/apprehensions", recognisable.replace("\"HN\"", "\"ZZ\""));
    }
}
