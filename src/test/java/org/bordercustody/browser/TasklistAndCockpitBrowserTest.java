package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import org.bordercustody.ApiClient;
import org.bordercustody.Journeys;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Agents in Tasklist and managers in Cockpit, in a real Chromium; screenshots in target/browser-screenshots. */
@BrowserApplicationTest
class TasklistAndCockpitBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.FilterService filterService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver. "
                + "Install Debian's packages to run them: apt-get install chromium chromium-driver (.ci/run does).");
    }

    @Test
    void agentRecordsIntakeInItsCamundaFormAndAnEmptyRequiredFieldIsRefused() throws Exception {
        record(ApprehensionFixtures.singleAdult("BRW0001"));
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("BRW0001-01").singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.openTask(taskId, "hours in CBP custody");
            assertThat(browser.waitFor(By.cssSelector(".custody-card[data-case='BRW0001-01']")).getText())
                    .as("the card names the person, the case, the age and the task's clock")
                    .contains("Ramirez, Jose", "BRW0001-01", "age ", "due within a day").containsPattern("due in (an hour|\\d+ hours)");
            assertThat(browser.all(By.cssSelector(".tasks-list .priority"))).as("the list's priority numbers are in the page, none shown")
                    .isNotEmpty().noneMatch(WebElement::isDisplayed);
            assertThat(browser.all(By.xpath("//a[contains(normalize-space(.), 'Create task')"
                    + " or contains(normalize-space(.), 'Start process')]"))).as("Tasklist's two actions that would be refused are in the page, neither shown")
                    .hasSize(2).noneMatch(WebElement::isDisplayed);
            browser.screenshot("tasklist-cards");
            assertThat(reads("agent", "TASK_CARD", "BRW0001-01")).as("the card's read, in the read log").isPositive();
            assertThat(browser.waitFor(By.cssSelector(".fjs-form-field-text")).getText())
                    .contains("Ramirez, Jose", "case BRW0001-01", "male", "2 hours in CBP custody; 72-hour limit");
            assertThat(reads("agent", "TASK_FORM", "BRW0001-01")).as("the form's variables read, in the read log")
                    .isPositive();
            assertThat(browser.bodyText()).as("no vendor banner, no empty notice bar").doesNotContain("Camunda 8");
            assertThat(browser.all(By.cssSelector(".ce-eol-banner"))).as("the banner's place is in the page, empty and not shown")
                    .isNotEmpty().noneMatch(WebElement::isDisplayed);
            browser.claim();
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));

            browser.waitForText("Field is required.");
            assertThat(browser.all(By.cssSelector(".fjs-form-field-error"))).extracting(WebElement::getText)
                    .containsOnly("Field is required.").hasSize(3);
            assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);
            browser.screenshot("tasklist-intake-refused");

            browser.choose("Medical screening", "No concerns");
            browser.choose("Processing pathway", "own recognizance");
            browser.choose("Flight risk", "Low");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(taskId);
            browser.screenshot("tasklist-intake-completed");
        }
        assertThat(ApiClient.as(port, "agent").get("/api/cases/BRW0001-01/timeline").body())
                .contains("INTAKE_RECORDED").contains("\"actor\":\"agent\"");
    }

    @Test
    void theListIsSortedByDueDateAndItsSortLabelSaysSo() throws Exception {
        record(ApprehensionFixtures.singleAdult("BRW0008", ApprehensionFixtures.hoursAgo(1)));
        record(ApprehensionFixtures.singleAdult("BRW0009", ApprehensionFixtures.hoursAgo(10)));
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.waitFor(By.cssSelector(".custody-card[data-case='BRW0008-01']"));
            browser.waitFor(By.cssSelector(".custody-card[data-case='BRW0009-01']"));
            assertThat(browser.waitFor(By.cssSelector(".sort-by")).getText()).as("the sort label").isEqualTo("Due date");
            java.util.List<String> cases = browser.all(By.cssSelector(".custody-card")).stream()
                    .map(card -> card.getAttribute("data-case")).filter(c -> c.startsWith("BRW0008") || c.startsWith("BRW0009")).toList();
            assertThat(cases).as("the intake due first comes first").containsExactly("BRW0009-01", "BRW0008-01");
            browser.screenshot("tasklist-sorted-by-due-date");

            String task = taskService.createTaskQuery().processInstanceBusinessKey("BRW0008-01").singleResult().getId();
            browser.openTask(task, "hours in CBP custody");
            assertThat(browser.waitFor(By.cssSelector(".sort-by")).getText()).as("after following a task's link")
                    .isEqualTo("Due date");
        }
    }

    @Test
    void agentClaimsUnclaimsAndRecordsIntakeThenSupervisorApprovesOnAFormWithReadOnlyFields() throws Exception {
        record(ApprehensionFixtures.singleAdult("BRW0004"));
        String intake = taskService.createTaskQuery().processInstanceBusinessKey("BRW0004-01").singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.openTask(intake, "hours in CBP custody");
            browser.claim();
            awaitAssignee(intake, "agent");
            browser.press(By.xpath("//*[self::a or self::button][contains(@class,'unclaim') or @tooltip='Unclaim task' or normalize-space(.)='Unclaim']"));
            awaitAssignee(intake, null);
            browser.press(By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']"));
            browser.waitUntilGone(By.cssSelector(".disabled-form"));
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
            browser.choose("Processing pathway", "own recognizance");
            browser.choose("Flight risk", "Low");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(intake);
        }
        String approval = taskService.createTaskQuery().processInstanceBusinessKey("BRW0004-01").singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "supervisor");
            browser.openTask(approval, "Approve the proposal");
            browser.claim();
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));
            browser.screenshot("tasklist-approval");
            assertThat(browser.bodyText()).as("words on the form, codes in the data")
                    .contains("Adult: release or detention review", "Release: Notice to Appear, own recognizance")
                    .contains("Intake found. Biometrics: Captured; records check: No record; medical screening: No concerns;"
                            + " processing pathway: Notice to Appear, own recognizance; flight risk: Low")
                    .doesNotContain("ADULT_RELEASE_OR_DETENTION_REVIEW").doesNotContain("RELEASE_NTA_OR");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(approval);
        }
        assertThat(ApiClient.as(port, "supervisor").get("/api/cases/BRW0004-01/timeline").body())
                .contains("\"actor\":\"supervisor\"");
    }

    @Test
    void aChildsIntakeAsksNoAdultQuestions() throws Exception {
        record(ApprehensionFixtures.family("BRW0006"));
        String intake = taskService.createTaskQuery().processInstanceBusinessKey("BRW0006-02").singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.openTask(intake, "hours in CBP custody");
            browser.claim();
            String form = browser.waitFor(By.cssSelector(".fjs-form")).getText();
            assertThat(form).contains("Lopez, Luis", "male", "Biometrics", "Medical screening")
                    .doesNotContain("Flight risk").doesNotContain("Processing pathway");
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
            browser.screenshot("tasklist-child-intake");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(intake);
        }
    }

    @Test
    void anAnswerTheServerRefusesIsShownUnderItsFieldAndNoErrorStaysAfterTheCorrection() throws Exception {
        String caseNumber = new Journeys(port).adultAwaitingAddress("BRW0007");
        String address = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.openTask(address, "hours in CBP custody");
            browser.claim();
            browser.fill("Street address", "12 Elm St");
            browser.choose("Building", "House or single unit");
            browser.fill("City", "Dallas");
            browser.fill("State (two letters)", "XX");
            browser.fill("ZIP code", "75201");
            browser.fill("Contact phone", "+12145550100");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));

            WebElement state = browser.field("State (two letters)");
            assertThat(browser.waitFor(By.cssSelector(".custody-server-error")).getText())
                    .isEqualTo("'XX' is not a U.S. state or territory code");
            assertThat(state.findElements(By.cssSelector(".custody-server-error"))).as("under the state field").hasSize(1);
            assertThat(browser.bodyText()).doesNotContain(address).doesNotContain("addressState");
            browser.screenshot("tasklist-refused-under-field");
            assertThat(taskService.createTaskQuery().taskId(address).count()).as("still open").isEqualTo(1);
            assertThat(ApiClient.as(port, "agent").get("/api/cases/" + caseNumber + "/timeline").body())
                    .as("no address kept").doesNotContain("ADDRESS_RECORDED");

            browser.fill("State (two letters)", "TX");
            assertThat(browser.all(By.cssSelector(".custody-server-error"))).as("gone once the field is changed").isEmpty();
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(address);
            browser.waitUntilGone(By.cssSelector(".notifications .alert-danger"));
            assertThat(browser.bodyText()).as("no error left standing after the success")
                    .doesNotContain("is not a U.S. state");
        }
        assertThat(ApiClient.as(port, "agent").get("/api/cases/" + caseNumber + "/timeline").body())
                .contains("ADDRESS_RECORDED");
    }

    @Test
    void supervisorWhoStartsAnOverrideAndGoesBackToApprovingCanStillComplete() throws Exception {
        String caseNumber = new Journeys(port).adultAfterIntake("BRW0005");
        String approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "supervisor");
            browser.openTask(approval, "Approve the proposal");
            browser.claim();
            browser.press(By.xpath("//label[contains(., 'Override it')]"));
            browser.openAndLeave("Outcome instead");
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));
            browser.waitUntilGone(By.xpath("//label[contains(., 'Outcome instead')]"));
            browser.screenshot("tasklist-override-toggle");
            assertThat(browser.waitFor(By.xpath("//button[normalize-space(.)='Complete']")).isEnabled())
                    .as("Complete after going back to approving").isTrue();

            browser.press(By.xpath("//label[contains(., 'Override it')]"));
            browser.choose("Outcome instead", "Transfer to ICE detention");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            browser.waitForText("Reason for the override: is required to override the proposal");
            assertThat(browser.bodyText()).as("the refusal in the form's words, without the task id")
                    .doesNotContain(approval).doesNotContain("overrideReason");
            browser.screenshot("tasklist-override-refused");
            assertThat(taskService.createTaskQuery().taskId(approval).count()).as("nothing done").isEqualTo(1);
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));

            WebElement complete = browser.waitFor(By.xpath("//button[normalize-space(.)='Complete']"));
            assertThat(complete.isEnabled()).as("Complete after going back to approving").isTrue();
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitCompleted(approval);
        }
        assertThat(ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").body())
                .contains("Supervisor approved the proposal");
    }

    @Test
    void supervisorFindsTheCaseNearingItsLimitInTheEscalationsFilter() throws Exception {
        record(ApprehensionFixtures.singleAdult("BRW0002", ApprehensionFixtures.hoursAgo(49)));
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "supervisor");
            browser.waitFor(By.xpath("//a[contains(., 'Escalations')]")).click();
            browser.waitForUrlContaining("filter=" + filterService.createFilterQuery().filterName("Escalations")
                    .singleResult().getId());
            // This case's own card, in the list the Escalations filter shows, for its review task.
            WebElement entry = browser.waitFor(By.xpath("//*[contains(@class, 'tasks-list')]//li[.//*[contains(@class,"
                    + " 'custody-card') and @data-case='BRW0002-01']][contains(., 'Review case nearing custody limit')]"));
            assertThat(entry.findElement(By.cssSelector(".custody-card")).getText()).contains("Ramirez, Jose", "BRW0002-01");
            browser.screenshot("tasklist-escalations");
            entry.findElement(By.cssSelector(".custody-card")).click();
            assertThat(browser.waitFor(By.cssSelector(".fjs-form-field-text")).getText())
                    .contains("Ramirez, Jose", "case BRW0002-01");
        }
    }

    @Test
    void managerSeesTheCustodyProcessWithItsInstancesAndTheCustodyPanelInCockpit() throws Exception {
        record(ApprehensionFixtures.singleAdult("BRW0003", ApprehensionFixtures.hoursAgo(20)));
        try (Browser browser = new Browser(port)) {
            browser.login("cockpit", "manager");
            WebElement panel = browser.waitFor(By.id("custody-panel"));
            assertThat(browser.bodyText()).doesNotContain("Camunda 8");
            WebElement rightNow = browser.waitFor(By.xpath("//h1[normalize-space(.)='Right Now']"));
            assertThat(browser.bodyText()).contains("Custody\nLate now").doesNotContain("Custom Plugins");
            assertThat(panel.getLocation().getY()).as("the custody panel above Cockpit's own sections")
                    .isLessThan(rightNow.getLocation().getY());
            browser.waitFor(By.id("custody-in-custody"));
            assertThat(panel.getText()).contains("CBP custody now", "past the 72-hour limit",
                    "unaccompanied children awaiting ORR", "check-in compliance");
            assertThat(Long.parseLong(browser.waitFor(By.id("custody-in-custody")).getText())).isPositive();
            assertThat(browser.all(By.cssSelector("#custody-hours-held .custody-band"))).hasSize(5);
            WebElement overdueIntake = browser.waitFor(By.xpath(
                    "//table[@id='custody-late-now']//tr[td[contains(., 'BRW0003-01')]]"));
            assertThat(overdueIntake.getText()).as("the overdue intake, by name, with its clock and how late")
                    .contains("Ramirez, Jose", "BRW0003-01", "Intake not recorded within 12 hours").containsPattern("[0-9.]+ h");
            assertThat(overdueIntake.findElement(By.tagName("a")).getAttribute("href")).contains("#/process-instance/");
            browser.screenshot("cockpit-dashboard");

            browser.open("/camunda/app/cockpit/default/#/processes");
            browser.waitForText("Migrant custody");
            long running = runtimeService.createProcessInstanceQuery().processDefinitionKey("migrantCustody").count();
            WebElement row = browser.waitFor(By.xpath("//tr[.//a[normalize-space(.)='Migrant custody']]"));
            assertThat(row.getText()).contains(String.valueOf(running));
            assertThat(browser.bodyText()).as("each agency's part of a case, a process of its own")
                    .contains("Transfer of a child to HHS ORR", "ICE family custody", "Release follow-up",
                            "Breach follow-up");
            browser.screenshot("cockpit-processes");

            String followUp = repositoryService.createProcessDefinitionQuery().processDefinitionKey("releaseFollowUp")
                    .latestVersion().singleResult().getId();
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + followUp + "/runtime");
            browser.waitFor(By.cssSelector("[data-element-id='Task_LocatePerson']"));
            assertThat(browser.bodyText()).contains("Release follow-up", "2026.12-processes");
            browser.screenshot("cockpit-release-follow-up");

            String familyCustody = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey("iceFamilyCustody").latestVersion().singleResult().getId();
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + familyCustody + "/runtime");
            browser.waitFor(By.cssSelector("[data-element-id='Task_DecideFamilyCustodyOutcome']"));
            assertThat(browser.bodyText()).contains("ICE family custody");
            browser.screenshot("cockpit-ice-family-custody");

            String orrTransfer = repositoryService.createProcessDefinitionQuery().processDefinitionKey("orrTransfer")
                    .latestVersion().singleResult().getId();
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + orrTransfer + "/runtime");
            browser.waitFor(By.cssSelector("[data-element-id='Task_DesignateOrrPlacement']"));
            assertThat(browser.bodyText()).contains("Transfer of a child to HHS ORR");
            browser.screenshot("cockpit-orr-transfer");

            String definition = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BRW0003-01")
                    .singleResult().getProcessDefinitionId();
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
            browser.waitFor(By.xpath("//td[normalize-space(.)='BRW0003-01']"));
            assertThat(browser.all(By.xpath("//th[normalize-space(.)='Case number']"))).as("the instance list's column")
                    .isNotEmpty();
            assertThat(browser.bodyText()).doesNotContain("Business Key");
            browser.screenshot("cockpit-instances");

            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BRW0003-01")
                    .singleResult().getId();
            browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
            browser.press(By.xpath("//a[normalize-space(.)='Case']"));
            WebElement caseTab = browser.waitFor(By.id("custody-case"));
            assertThat(caseTab.getText()).as("the case and its timeline on the instance's page")
                    .contains("Ramirez, Jose · case BRW0003-01: in CBP custody", "No earlier encounter.", "72-hour limit",
                            "Apprehended at")
                    .doesNotContain("IN_CBP_CUSTODY");
            browser.screenshot("cockpit-case");
            assertThat(reads("manager", "COCKPIT_CASE_TAB", "BRW0003-01")).as("the tab's reads, in the read log by its name")
                    .isPositive();
            assertThat(reads("manager", "CASE_VIEW", "BRW0003-01") + reads("manager", "TIMELINE", "BRW0003-01"))
                    .as("none taken for another screen's").isZero();
        }
    }

    private long reads(String user, String via, String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM case_read WHERE user_id = :user AND via = :via AND case_number = :n")
                .param("user", user).param("via", via).param("n", caseNumber).query(Long.class).single();
    }

    private void record(String apprehension) {
        ApiClient.Response response = ApiClient.as(port, "agent").post("/api/apprehensions", apprehension);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private void awaitAssignee(String taskId, String assignee) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!java.util.Objects.equals(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee(), assignee)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(assignee);
    }

    private void awaitCompleted(String taskId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (taskService.createTaskQuery().taskId(taskId).count() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("completed in Tasklist").isZero();
    }
}
