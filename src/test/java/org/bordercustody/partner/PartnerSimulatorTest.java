package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.EngineRegistration;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The demo's partner simulator, configured as the default profile configures it: the application's deliveries reach
 * it signed, a manager watches them on /api/simulator and acknowledges a child's referral there as ORR's system.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@TestExecutionListeners(listeners = EngineRegistration.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PartnerSimulatorTest {

    static final int PORT = freePort();
    static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("the simulator test's key".getBytes(StandardCharsets.UTF_8));

    @Autowired
    TaskService taskService;

    @DynamicPropertySource
    static void asTheDemoConfiguresIt(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("custody.partners.simulator.enabled", () -> "true");
        for (String partner : new String[] {"ice", "orr"}) {
            registry.add("custody.partners." + partner + ".webhook-url",
                    () -> "http://localhost:" + PORT + "/api/simulator/" + partner + "/webhook");
            registry.add("custody.partners." + partner + ".webhook-secret", () -> SECRET);
        }
    }

    @Test
    void aManagerWatchesTheDeliveriesAndAcknowledgesAChildsReferralAsOrr() throws Exception {
        ApiClient agent = ApiClient.as(PORT, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.childWithAunt("SIM0001")).status()).isEqualTo(201);
        TasklistClient tasks = new TasklistClient(agent);
        tasks.completeIntake("SIM0001-01", false);
        tasks.completeIntake("SIM0001-02", false);
        ApiClient manager = ApiClient.as(PORT, "manager");

        PartnerTests.await("the referral on the simulator's page", () -> manager.get("/api/simulator").body()
                .matches("(?s).*<table id=\"received-orr\">.*uac-referral</td><td>SIM0001-02.*"));
        String page = manager.get("/api/simulator").body();
        assertThat(page).contains("Acknowledge referral", "Perez");
        assertThat(ApiClient.as(PORT, "agent").get("/api/simulator").status()).isEqualTo(403);

        ApiClient.Response fromAForm = manager.send("POST", "/api/simulator/orr/acknowledgements/SIM0001-02",
                "application/x-www-form-urlencoded", new byte[0], false, Map.of());
        assertThat(fromAForm.status()).as("what another site's form could send").isEqualTo(415);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("SIM0001-02")
                .taskDefinitionKey("Task_NotifyHhsOfChild").count()).as("nothing acknowledged").isEqualTo(1);
        ApiClient.Response acknowledged = manager.post("/api/simulator/orr/acknowledgements/SIM0001-02", "{}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("SIM0001-02")
                .taskDefinitionKey("Task_NotifyHhsOfChild").count()).as("the HHS notification met").isZero();

        ApiClient.Response forged = ApiClient.anonymous(PORT).send("POST", "/api/simulator/ice/webhook",
                "application/cloudevents+json", "{\"type\":\"forged\",\"subject\":\"X\"}".getBytes(StandardCharsets.UTF_8),
                false, Map.of("webhook-id", "x", "webhook-timestamp", String.valueOf(Instant.now().getEpochSecond()),
                        "webhook-signature", "v1,AAAA"));
        assertThat(forged.status()).as("a delivery not signed with the partner's secret").isEqualTo(401);
        assertThat(manager.get("/api/simulator").body()).doesNotContain("forged");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
