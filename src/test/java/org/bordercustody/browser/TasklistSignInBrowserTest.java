package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.bordercustody.signin.KeycloakServer;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on in Chromium ({@code custody.sign-in=oidc}): a person signs in to Tasklist (or Cockpit) on Keycloak's
 * login page, works a task of their sector, and signing out ends their Keycloak session too.
 */
@CustodyApplicationTest
@TestPropertySource(properties = {"custody.sign-in=oidc", "custody.oidc.audience=" + KeycloakServer.AUDIENCE,
        "custody.oidc.client-id=" + KeycloakServer.WEB_CLIENT, "custody.oidc.client-secret=" + KeycloakServer.WEB_SECRET})
class TasklistSignInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @BeforeAll
    static void requireChromiumAndKeycloak() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver. "
                + "Install Debian's packages to run them: apt-get install chromium chromium-driver (.ci/run does).");
        assumeTrue(KeycloakServer.unavailable().isEmpty(), KeycloakServer.unavailable().orElse(""));
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add("custody.oidc.issuer-uri", () -> KeycloakServer.unavailable().isEmpty()
                ? KeycloakServer.shared().issuer() : "http://localhost:1/realms/unavailable");
    }

    @Test
    void anAgentSignsInAtKeycloakWorksATaskOfTheirSectorAndSigningOutEndsTheKeycloakSessionToo() throws Exception {
        KeycloakServer keycloak = KeycloakServer.shared();
        String application = "http://localhost:" + port;
        keycloak.allowRedirectsTo(application);
        ApiClient supervisor = ApiClient.withToken(port, keycloak.personToken("supervisor", "supervisor",
                application + "/login/oauth2/code/oidc"));
        ApiClient.Response recorded = supervisor.post("/api/apprehensions", ApprehensionFixtures.singleAdult("SSO0001")
                .replace("\"sector\": \"TCA\", \"station\": \"NOG\"", "\"sector\": \"SDC\", \"station\": \"CHU\""));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("SSO0001-01").singleResult().getId();

        try (Browser browser = new Browser(port)) {
            browser.open("/camunda/app/tasklist/default/");
            browser.waitFor(By.id("username")).sendKeys("agent");
            assertThat(browser.currentUrl()).as("Keycloak's login page").startsWith(keycloak.issuer());
            browser.waitFor(By.id("password")).sendKeys("agent");
            browser.press(By.id("kc-login"));
            browser.waitForUrlContaining("/camunda/app/tasklist/default/");
            assertThat(keycloak.sessionsOf("agent")).as("signed in at Keycloak").hasSize(1);

            browser.openTask(taskId, "hours in CBP custody");
            browser.claim();
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
            browser.choose("Processing pathway", "own recognizance");
            browser.choose("Flight risk", "Low");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(taskId);
            assertThat(supervisor.get("/api/cases/SSO0001-01/timeline").body()).as("the intake, recorded as the agent's")
                    .contains("INTAKE_RECORDED").contains("\"actor\":\"agent\"");

            browser.script("document.querySelector('li.logout a').click();");
            browser.waitFor(By.id("username"));
            assertThat(browser.currentUrl()).as("signed out, Tasklist shows Keycloak's login page, not its own")
                    .startsWith(keycloak.issuer());
            awaitNoSession(keycloak, "agent");
            assertThat(keycloak.sessionsOf("agent")).as("the Keycloak session ended with the application's").isEmpty();

            browser.open("/camunda/app/tasklist/default/");
            browser.waitFor(By.id("username"));
            assertThat(browser.currentUrl()).as("the next visit asks Keycloak to sign in again")
                    .startsWith(keycloak.issuer());
        }
    }

    @Test
    void aManagerSignsInToCockpitAtKeycloakAndSigningOutShowsKeycloaksLoginPage() throws Exception {
        KeycloakServer keycloak = KeycloakServer.shared();
        keycloak.allowRedirectsTo("http://localhost:" + port);
        try (Browser browser = new Browser(port)) {
            browser.open("/camunda/app/cockpit/default/");
            browser.waitFor(By.id("username")).sendKeys("manager");
            browser.waitFor(By.id("password")).sendKeys("manager");
            browser.press(By.id("kc-login"));
            browser.waitForUrlContaining("/camunda/app/cockpit/default/");
            Instant shown = Instant.now().plus(Duration.ofSeconds(45));
            while (browser.all(By.cssSelector("li.logout a")).isEmpty() && Instant.now().isBefore(shown)) {
                Thread.sleep(200);
            }
            assertThat(browser.all(By.cssSelector("li.logout a"))).as("Cockpit's menu, signed in").isNotEmpty();
            assertThat(keycloak.sessionsOf("manager")).as("signed in at Keycloak").hasSize(1);

            browser.script("document.querySelector('li.logout a').click();");
            browser.waitFor(By.id("username"));
            assertThat(browser.currentUrl()).as("signed out, Cockpit shows Keycloak's login page")
                    .startsWith(keycloak.issuer());
            awaitNoSession(keycloak, "manager");
            assertThat(keycloak.sessionsOf("manager")).as("the Keycloak session ended").isEmpty();
        }
    }

    private static void awaitNoSession(KeycloakServer keycloak, String user) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!keycloak.sessionsOf(user).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private void awaitCompleted(String taskId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (taskService.createTaskQuery().taskId(taskId).count() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the intake completed").isZero();
    }
}
