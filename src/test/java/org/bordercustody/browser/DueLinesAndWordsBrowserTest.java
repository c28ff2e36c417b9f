package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.Journeys;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a person reads about a task's due time on the card and in Tasklist's own line, in a real Chromium. */
@BrowserApplicationTest
class DueLinesAndWordsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver.");
    }

    /**
     * The browser tests share one database and Tasklist shows a page of tasks at a time: the cases made here leave no
     * open task in the lists that the other browser tests read.
     */
    @AfterEach
    void endTheCasesMadeHere() {
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("BRW003%").list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "browser test done"));
    }

    @Test
    void theCardsDueLineSaysWhatTasklistsDueLineSaysNearAnHourBoundary() throws Exception {
        record(ApprehensionFixtures.singleAdult("BRW0031", ago(Duration.ofHours(10).plusMinutes(1))));
        record(ApprehensionFixtures.singleAdult("BRW0032", ago(Duration.ofHours(20).plusMinutes(40))));
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            String dueSoon = cardClock(browser, "BRW0031-01");
            String late = cardClock(browser, "BRW0032-01");

            assertThat(dueSoon).as("intake due in 1 h 59 min, rounded as Tasklist rounds").isEqualTo("due in 2 hours");
            assertThat(tasklistDueLine(browser, "BRW0031-01")).isEqualTo("Due in 2 hours");
            assertThat(late).as("intake overdue by 8 h 40 min").isEqualTo("overdue by 9 hours");
            assertThat(tasklistDueLine(browser, "BRW0032-01")).isEqualTo("Due 9 hours ago");
            assertThat(browser.script("return !!window.angular.element(document.querySelector('.ng-scope'))"
                    + ".injector().has('moment')")).as("the card's words come from Tasklist's own moment.js").isEqualTo(true);
            browser.screenshot("tasklist-card-due-lines");
        }
    }

    @Test
    void theAddressFormShowsEveryProblemAtOnceUnderItsFieldMarksTheUnitRequiredAndLimitsLengthAsOneTypes()
            throws Exception {
        String caseNumber = new Journeys(port).adultAwaitingAddress("BRW0033");
        String address = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.openTask(address, "hours in CBP custody");
            browser.claim();

            browser.fill("City", "Dallas" + "s".repeat(60));
            assertThat(browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][label[contains(., 'City')]]"
                    + "//*[contains(@class,'fjs-form-field-error')]")).getText()).as("before any submit")
                    .isEqualTo("Field must have maximum length of 60.");
            browser.fill("City", "Dallas");

            browser.choose("Building", "Apartment or other multi-unit building");
            WebElement unit = browser.field("Apartment or unit");
            assertThat(unit.findElement(By.cssSelector("label")).getText()).as("marked required").endsWith("*");
            assertThat(unit.getText()).contains("Required for an apartment or other multi-unit building");
            browser.fill("Street address", "Elm St");
            browser.fill("Apartment or unit", "4B");
            browser.fill("State (two letters)", "XX");
            browser.fill("ZIP code", "752");
            browser.fill("Contact phone", "call me");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));

            browser.waitFor(By.cssSelector(".custody-server-error"));
            Map<String, String> underFields = new java.util.TreeMap<>();
            for (String label : List.of("Street address", "State (two letters)", "ZIP code", "Contact phone")) {
                underFields.put(label, browser.field(label).findElement(By.cssSelector(".custody-server-error")).getText());
            }
            assertThat(underFields).as("every problem of one submit, each under its field").containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Street address", "must start with the house number, such as 1208 Maple Ave",
                    "State (two letters)", "'XX' is not a U.S. state or territory code",
                    "ZIP code", "must be 5 digits or 5+4 digits, such as 78520 or 78520-1234",
                    "Contact phone", "must be a phone number"));
            assertThat(browser.all(By.cssSelector(".custody-server-error"))).hasSize(4);
            browser.scrollTo("Street address");
            browser.screenshot("tasklist-address-every-problem");
            assertThat(taskService.createTaskQuery().taskId(address).count()).as("still open").isEqualTo(1);
            assertThat(ApiClient.as(port, "agent").get("/api/cases/" + caseNumber + "/timeline").body())
                    .as("no address kept").doesNotContain("ADDRESS_RECORDED");
        }
    }

    @Test
    void cockpitOpensTheCaseOfAFinishedProcessFromThePeoplePageNamingThePersonAtTheTop() throws Exception {
        String caseNumber = new Journeys(port).releasedAdult("BRW0034");
        String checkIn = "{ \"reportedAt\": \"%s\", \"office\": \"Houston ERO\" }".formatted(ago(Duration.ZERO));
        ApiClient.Response checkedIn = ApiClient.as(port, "ice-officer").post("/api/cases/" + caseNumber + "/check-ins",
                checkIn);
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(201);
        String instance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(org.bordercustody.custody.ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        for (int i = 0; i < 10 && managementService.createJobQuery().processInstanceId(instance).count() > 0; i++) {
            managementService.createJobQuery().processInstanceId(instance).list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .unfinished().count()).as("the case's processes have ended").isZero();
        try (Browser browser = new Browser(port)) {
            browser.login("cockpit", "manager");
            browser.press(By.xpath("//a[normalize-space(.)='People']"));
            browser.waitFor(By.id("custody-people-page"));
            browser.select(By.cssSelector(".custody-people-by"), "Case or event number");
            browser.type(By.cssSelector(".custody-people-text"), caseNumber);
            browser.press(By.cssSelector(".custody-people-find"));
            browser.press(By.cssSelector(".custody-case-open[data-case='" + caseNumber + "']"));

            assertThat(browser.waitFor(By.id("custody-case-person")).getText()).as("the top of the Case page")
                    .isEqualTo("Ramirez, Jose · case " + caseNumber + ": released and checked in");
            assertThat(browser.currentUrl()).contains("#/custody-case?case=" + caseNumber);
            assertThat(browser.text(By.id("custody-case-timeline"))).contains("Houston ERO");
            browser.screenshot("cockpit-finished-case");
        }
    }

    private static String cardClock(Browser browser, String caseNumber) {
        return browser.waitFor(By.cssSelector(".custody-card[data-case='" + caseNumber + "'] .custody-card-clock,"
                + " .custody-card[data-case='" + caseNumber + "'] .custody-card-overdue")).getText();
    }

    /** Tasklist's "Due ..." line of the list item that holds the case's card. */
    private static String tasklistDueLine(Browser browser, String caseNumber) {
        WebElement item = browser.waitFor(By.xpath("//div[contains(@class,'custody-card') and @data-case='" + caseNumber
                + "']/ancestor::li[1]"));
        return item.findElement(By.cssSelector(".due-date")).getText().trim().replaceAll("\\s+", " ");
    }

    private static String ago(Duration duration) {
        return ClockUtil.getCurrentTime().toInstant().minus(duration).atOffset(ZoneOffset.ofHours(-7)).toString();
    }

    private void record(String apprehension) {
        ApiClient.Response response = ApiClient.as(port, "agent").post("/api/apprehensions", apprehension);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
