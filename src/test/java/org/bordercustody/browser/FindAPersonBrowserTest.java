package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bordercustody.ApiClient;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent finds a person by name in Tasklist, a manager by A-number in Cockpit; each opens the person's page. */
@BrowserApplicationTest
class FindAPersonBrowserTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver. "
                + "Install Debian's packages to run them: apt-get install chromium chromium-driver (.ci/run does).");
    }

    @Test
    void anAgentFindsAPersonByNameInTasklistAndReadsEveryEncounterAndTheTimeline() throws Exception {
        ernestoReleasedAndApprehendedAgain("FAP0001", "FAP0002", "A300400500");
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.press(By.id("custody-find-person-open"));
            browser.type(By.cssSelector("#custody-find-person .custody-people-text"), "ernesto villanueva ortis");
            browser.press(By.cssSelector("#custody-find-person .custody-people-find"));
            WebElement found = browser.waitFor(By.cssSelector("#custody-find-person .custody-people-found"));
            assertThat(found.getText()).contains("Villanueva Ortiz, Ernesto", "born 1983-10-21", "Ecuador",
                    "A300400500", "case FAP0002-01: In CBP custody at station BRF, sector SDC",
                    "case FAP0001-01: Released to Dallas, TX; apprehended again before the check-in");
            browser.screenshot("tasklist-find-person");

            browser.press(By.xpath("//div[@id='custody-find-person']//a[contains(., 'Villanueva Ortiz, Ernesto')]"));

            assertPersonPage(browser.text(By.id("custody-person")), "A300400500");
            browser.screenshot("tasklist-person-page");
        }
    }

    @Test
    void aManagerFindsAPersonByANumberOnCockpitsPeoplePage() throws Exception {
        ernestoReleasedAndApprehendedAgain("FAP0101", "FAP0102", "A300400600");
        try (Browser browser = new Browser(port)) {
            browser.login("cockpit", "manager");
            browser.press(By.xpath("//a[normalize-space(.)='People']"));
            browser.waitFor(By.id("custody-people-page"));
            browser.select(By.cssSelector(".custody-people-by"), "A-number");
            browser.type(By.cssSelector(".custody-people-text"), "A-300-400-600");
            browser.press(By.cssSelector(".custody-people-find"));
            browser.press(By.xpath("//a[contains(@class,'custody-people-open')][contains(., 'Villanueva Ortiz')]"));

            assertPersonPage(browser.text(By.id("custody-person")), "A300400600");
            browser.screenshot("cockpit-person-page");
        }
    }

    private static void assertPersonPage(String page, String aNumber) {
        assertThat(page).contains("Villanueva Ortiz, Ernesto", "born 1983-10-21 · Ecuador", "male",
                "Identifiers: A-number " + aNumber, "passport P7788", "Encounters (2)",
                "Released to Dallas, TX; apprehended again before the check-in", "Timeline across encounters",
                "Apprehended again as case", "Intake recorded");
    }

    private void ernestoReleasedAndApprehendedAgain(String first, String again, String aNumber) {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ernesto(first, "SDC", "CHU", 30, aNumber)).status()).isEqualTo(201);
        new TasklistClient(agent).completeIntake(first + "-01", false);
        new Journeys(port).release(first + "-01");
        assertThat(agent.post("/api/apprehensions", ernesto(again, "SDC", "BRF", 1, aNumber)).status()).isEqualTo(201);
    }

    private static String ernesto(String eventNumber, String sector, String station, int hoursAgo, String aNumber) {
        return """
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "%s", "station": "%s" },
                  "persons": [ { "ref": "p1", "familyName": "Villanueva Ortiz", "givenNames": "Ernesto",
                                 "dateOfBirth": "1983-10-21", "sex": "M", "countryOfCitizenship": "EC",
                                 "identifiers": { "aNumber": "%s",
                                   "documents": [ { "type": "PASSPORT", "number": "P7788%s", "country": "EC" } ] } } ] }
                """.formatted(eventNumber, ApprehensionFixtures.hoursAgo(hoursAgo), sector, station, aNumber,
                eventNumber.substring(3));
    }
}
