package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bordercustody.Journeys;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The family page of a separated father and son: from the son's form header and from a search result in Tasklist,
 * and on the son's Case tab in Cockpit. Each reads who the members are, where each is now and why they were
 * separated.
 */
@BrowserApplicationTest
class FamilyPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver.");
    }

    @Test
    void anAgentOpensTheFamilyFromTheChildsFormHeaderAndFromASearchResult() throws Exception {
        String son = new Journeys(port).separatedChild("FPB0001");
        String father = "FPB0001-01";
        String notify = taskService.createTaskQuery().processInstanceBusinessKey(son)
                .taskDefinitionKey("Task_NotifyHhsOfChild").singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.open("/camunda/app/tasklist/default/#/?task=" + notify);
            browser.waitFor(By.cssSelector(".fjs-form"));
            browser.press(By.xpath("//div[contains(@class,'fjs-form')]//a[normalize-space(.)='Family']"));

            String family = browser.text(By.id("custody-family"));
            assertFamily(family, son, father);
            assertThat(browser.currentUrl()).as("the task stays open below the panel").contains(notify);
            browser.screenshot("tasklist-family-page");

            browser.press(By.xpath("//div[@id='custody-find-person']//button[normalize-space(.)='Close']"));
            browser.press(By.id("custody-find-person-open"));
            browser.type(By.cssSelector("#custody-find-person .custody-people-text"), "mario castillo");
            browser.press(By.cssSelector("#custody-find-person .custody-people-find"));
            browser.press(By.cssSelector("#custody-find-person .custody-people-found a.custody-family-open[data-case='"
                    + father + "']"));
            assertFamily(browser.text(By.cssSelector("#custody-find-person .custody-people-results #custody-family")),
                    son, father);
        }
    }

    @Test
    void aManagerReadsTheFamilyOnTheChildsCaseTabInCockpit() throws Exception {
        String son = new Journeys(port).separatedChild("FPB0002");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(son)
                .processDefinitionKey("migrantCustody").singleResult().getId();
        try (Browser browser = new Browser(port)) {
            browser.login("cockpit", "manager");
            browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
            browser.press(By.xpath("//a[normalize-space(.)='Case']"));
            assertFamily(browser.text(By.id("custody-family")), son, "FPB0002-01");
            browser.scrollIntoView(By.id("custody-family"));
            browser.screenshot("cockpit-family");
        }
    }

    private static void assertFamily(String family, String son, String father) {
        assertThat(family).contains("Family of case", "Castillo, Mario", "parent", "case " + father,
                "Castillo, Pablo · age 10 · child · case " + son, "In CBP custody at station BRF, sector SDC",
                "separated from Castillo, Mario (case " + father + ") by supervisor, because Criminal history or"
                        + " warrant of the adult: warrant for assault; still apart")
                .doesNotContain("CRIMINAL_HISTORY", "IN_CBP_CUSTODY");
    }
}
