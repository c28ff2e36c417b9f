package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bordercustody.ApiClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real Chromium, each sector's agent reads the cards of the people held in their own sector and no other's. */
@BrowserApplicationTest
class SectorScopeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver.");
    }

    /** The browser tests share one database: the cases made here leave no open task behind. */
    @AfterEach
    void endTheCasesMadeHere() {
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("BSC%").list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "browser test done"));
    }

    @Test
    void theSanDiegoAgentReadsSanDiegosPeopleAndTheValleysAgentTheValleys() throws Exception {
        String thirtyHoursAgo = ApprehensionFixtures.hoursAgo(30);
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures
                .singleAdult("BSC0001", thirtyHoursAgo).replace("Ramirez", "Quintana")).status()).isEqualTo(201);
        assertThat(ApiClient.as(port, "agent-rgv").post("/api/apprehensions", ApprehensionFixtures.inRioGrandeValley(
                ApprehensionFixtures.singleAdult("BSC0002", thirtyHoursAgo).replace("Ramirez", "Valdez"))).status())
                .isEqualTo(201);

        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.waitForText("Quintana, Jose");
            assertThat(browser.bodyText()).contains("Quintana, Jose · BSC0001-01").doesNotContain("Valdez");
            browser.screenshot("tasklist-sector-san-diego");
        }
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent-rgv");
            browser.waitForText("Valdez, Jose");
            assertThat(browser.bodyText()).contains("Valdez, Jose · BSC0002-01").doesNotContain("Quintana");
            browser.screenshot("tasklist-sector-rio-grande-valley");
        }
    }
}
