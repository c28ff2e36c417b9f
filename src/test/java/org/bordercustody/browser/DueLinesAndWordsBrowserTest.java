package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import org.bordercustody.ApiClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver.");
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
