package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import org.bordercustody.ApiClient;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A man held past the 72-hour limit is released before anyone explains why: the supervisor still has "Custody limit
 * exceeded" in Tasklist, names the limit in words, picks the cause from the list and says what was done; the cause
 * and the action reach the breach and the man's timeline.
 */
@BrowserApplicationTest
class BreachExplainedAfterReleaseBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver. "
                + "Install Debian's packages to run them: apt-get install chromium chromium-driver (.ci/run does).");
    }

    @Test
    void aSupervisorExplainsTheBreachOfAManAlreadyReleased() throws Exception {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("BXR0001",
                ApprehensionFixtures.hoursAgo(80))).status()).isEqualTo(201);
        new TasklistClient(agent).completeIntake("BXR0001-01", false);
        String custody = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BXR0001-01")
                .processDefinitionKey("migrantCustody").singleResult().getId();
        for (int round = 0; round < 5; round++) {
            managementService.createJobQuery().processInstanceId(custody).timers().executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
        new Journeys(port).release("BXR0001-01");
        assertThat(agent.get("/api/cases/BXR0001-01").json().get("status").asText())
                .isEqualTo("RELEASED_AWAITING_CHECK_IN");
        Task followUp = taskService.createTaskQuery().processInstanceBusinessKey("BXR0001-01")
                .taskDefinitionKey("Task_ResolveCustodyLimitBreach").singleResult();
        assertThat(followUp).as("the follow-up outlives the custody it was about").isNotNull();

        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "supervisor");
            browser.open("/camunda/app/tasklist/default/#/?task=" + followUp.getId());
            assertThat(browser.waitFor(By.cssSelector(".custody-card[data-case='BXR0001-01']")).getText())
                    .contains("Ramirez, Jose", "BXR0001-01");
            browser.claim();
            String form = browser.formText();
            assertThat(form).contains("Ramirez, Jose", "case BXR0001-01",
                    "Clock that ran out: CBP holding limit (TEDS 2015 section 1.8), passed at",
                    "Why the deadline was missed", "Action taken").doesNotContain("CBP_HOLDING_LIMIT");
            browser.choose("Why the deadline was missed", "Transport not available");
            browser.fill("Action taken", "Released on his own recognizance once the bus to Tucson left");
            browser.screenshot("tasklist-breach-explained-after-release");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (taskService.createTaskQuery().taskId(followUp.getId()).count() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        }

        assertThat(taskService.createTaskQuery().taskId(followUp.getId()).count()).as("completed in Tasklist").isZero();
        assertThat(jdbc.sql("SELECT cause || ' | ' || action_taken || ' | ' || explained_by FROM custody_breach"
                        + " WHERE case_number = 'BXR0001-01' AND clock = 'CBP_HOLDING_LIMIT'").query(String.class).single())
                .isEqualTo("TRANSPORT_NOT_AVAILABLE | Released on his own recognizance once the bus to Tucson left"
                        + " | supervisor");
        assertThat(agent.get("/api/cases/BXR0001-01/timeline").body()).contains("Transport not available",
                "Released on his own recognizance once the bus to Tucson left");
    }
}
