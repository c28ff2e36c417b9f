package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustodyApplicationTest
class SecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases/SDC2611250001-01", "/api/reports/custody-metrics", "/engine-rest/task",
        "/engine-rest/process-definition", "/actuator/prometheus"})
    void anonymousCallsAreRefusedWith401(String path) {
        assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases/SDC2611250001-01", "/engine-rest/task"})
    void aWrongPasswordIsRefusedWith401(String path) {
        // A user of its own: failed logins delay the user's next attempts, which would disturb other tests.
        if (identityService.createUserQuery().userId("mistyped").count() == 0) {
            User user = identityService.newUser("mistyped");
            user.setPassword("right-password");
            identityService.saveUser(user);
            identityService.createMembership("mistyped", CustodyGroups.BORDER_PATROL_AGENT);
        }
        assertThat(ApiClient.as(port, "mistyped", "wrong-password").get(path).status()).isEqualTo(401);
    }

    @Test
    void anonymousApprehensionIsRefusedAsProblemJson() {
        ApiClient.Response response = ApiClient.anonymous(port)
                .post("/api/apprehensions", ApprehensionFixtures.singleAdult("SEC0001"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "agent", "supervisor", "ice-officer", "orr-liaison", "manager"})
    void everyDemoUserCanAuthenticate(String user) {
        assertThat(ApiClient.as(port, user).get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void healthAnswersAnonymouslyWithoutDetails() {
        ApiClient.Response health = ApiClient.anonymous(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details for anonymous callers").isFalse();
        assertThat(health.json().has("details")).isFalse();
    }

    @Test
    void orchestratorsHaveLivenessAndReadinessProbes() {
        ApiClient anonymous = ApiClient.anonymous(port);
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = anonymous.get(probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asText()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsNeedAManagerOrAdministrator() {
        assertThat(ApiClient.as(port, "manager").get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(ApiClient.as(port, "agent").get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void agentWorksInTasklistButIsRefusedCockpitAndAdmin() {
        assertThat(ApiClient.anonymous(port).webappLogin("tasklist", "agent", "agent").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).webappLogin("cockpit", "agent", "agent").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).webappLogin("admin", "agent", "agent").status()).isEqualTo(403);
    }

    @Test
    void managerWatchesInCockpitButHasNoTasklist() {
        assertThat(ApiClient.anonymous(port).webappLogin("cockpit", "manager", "manager").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).webappLogin("tasklist", "manager", "manager").status()).isEqualTo(403);
    }

    @Test
    void webappLoginWithoutTheCsrfTokenIsRefused() {
        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=agent&password=agent", null).status()).isEqualTo(403);
    }

    @Test
    void managerCanReadButCannotStartAProcessOrCompleteATask() {
        ApiClient manager = ApiClient.as(port, "manager");
        ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("SEC0002"));
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("SEC0002-01").singleResult().getId();

        assertThat(manager.get("/engine-rest/task?processInstanceBusinessKey=SEC0002-01").json()).hasSize(1);
        assertThat(manager.post("/engine-rest/process-definition/key/migrantCustody/start", "{}").status())
                .isEqualTo(403);
        assertThat(manager.post("/engine-rest/task/" + taskId + "/complete", "{}").status()).isEqualTo(403);
        assertThat(manager.post("/api/apprehensions", ApprehensionFixtures.singleAdult("SEC0003")).status())
                .isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
    }

    @Test
    void onlyAdministratorsDeployThroughRest() {
        String bpmn = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
                  <process id="restDeploymentProbe" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_Probe" />
                  </process>
                </definitions>""";
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--b--\r\n";

        assertThat(ApiClient.as(port, "agent").postMultipart("/engine-rest/deployment/create", multipart, "b").status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, "supervisor").postMultipart("/engine-rest/deployment/create", multipart, "b")
                .status()).isEqualTo(403);
        assertThat(ApiClient.as(port, "admin").postMultipart("/engine-rest/deployment/create", multipart, "b").status())
                .isEqualTo(200);
    }
}
