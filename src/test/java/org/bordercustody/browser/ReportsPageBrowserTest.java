package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.bordercustody.reporting.ReportFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager opens Cockpit's Reports page, picks the first quarter of 2012 and reads the figures of four people held
 * at Chula Vista and McAllen: the summary, the table by station in words, the three charts, and downloads the table
 * as CSV; a range whose last day is before its first is refused under the field.
 */
@BrowserApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void fourPeopleOfEarly2012() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver. "
                + "Install Debian's packages to run them: apt-get install chromium chromium-driver (.ci/run does).");
        ReportFixtures cases = new ReportFixtures(jdbc);
        cases.seed("RPG1201", "SDC", "CHU", "2012-01-05T00:00:00Z", "2012-01-05T18:00:00Z", "CHECKED_IN");
        cases.release("RPG1201", "2012-01-05T18:00:00Z", true, "2012-03-05T18:00:00Z", "2012-03-01T15:00:00Z");
        cases.seed("RPG1202", "SDC", "CHU", "2012-02-10T00:00:00Z", "2012-02-11T06:00:00Z", "CHECK_IN_OVERDUE");
        cases.release("RPG1202", "2012-02-11T06:00:00Z", false, "2012-04-11T06:00:00Z", null);
        cases.seed("RPG1203", "RGV", "MCA", "2012-03-01T00:00:00Z", "2012-03-04T10:00:00Z", "REMOVED");
        cases.breach("RPG1203", "CBP_HOLDING_LIMIT", "2012-03-04T00:00:00Z");
        cases.explain("RPG1203", "CBP_HOLDING_LIMIT", "RECEIVING_FACILITY_FULL", "Ursula was full",
                "held at McAllen until a bed opened");
        cases.seed("RPG1204", "RGV", "MCA", "2012-03-20T00:00:00Z", "2012-03-21T00:00:00Z", "TRANSFERRED_TO_ICE");
    }

    @Test
    void aManagerReadsTheFiguresOfAQuarterByStationWithChartsAndDownloadsThemAsCsv() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.login("cockpit", "manager");
            browser.press(By.xpath("//a[normalize-space(.)='Reports']"));
            browser.waitFor(By.id("custody-reports-page"));
            browser.waitFor(By.id("custody-report-table"));
            browser.date(By.id("custody-report-from"), "2012-01-01");
            browser.date(By.id("custody-report-to"), "2012-03-31");
            browser.select(By.id("custody-report-by"), "Station");
            browser.press(By.id("custody-report-show"));
            browser.waitForText("From 2012-01-01 to 2012-03-31");

            assertThat(browser.text(By.id("custody-report-summary"))).contains("4\napprehended", "2\nreleased",
                    "50%\nreleased with a valid address", "1\naddresses not valid or missing",
                    "1\nlegal deadlines missed", "27.0\nmedian hours held, of custody that ended");
            String table = browser.text(By.id("custody-report-table"));
            assertThat(table).contains("Station", "Apprehended", "Released with a valid address", "Address capture",
                    "Check-in compliance", "Deadlines missed", "Median hours held");
            assertThat(lines(table)).anySatisfy(line -> assertThat(line)
                    .startsWith("San Diego sector · Chula Vista Station\t2\t2\t1\t1\t0\t50%"));
            assertThat(lines(table)).anySatisfy(line -> assertThat(line)
                    .startsWith("Rio Grande Valley sector · McAllen Station\t2\t0\t0\t0\t0\tnothing to measure"));
            assertThat(lines(table)).anySatisfy(line -> assertThat(line).startsWith("Total\t4\t2\t1\t1\t0\t50%"));
            browser.scrollIntoView(By.cssSelector(".custody-report-charts"));
            assertThat(browser.text(By.id("custody-report-compliance"))).contains("January 2012", "March 2012",
                    "Address capture", "Check-in compliance");
            assertThat(browser.text(By.id("custody-report-hours"))).contains("72-96 h", "hours held", "people");
            assertThat(browser.text(By.id("custody-report-breaches")))
                    .contains("CBP 72-hour holding limit", "McAllen Station", "deadlines missed");
            assertThat(browser.bodyText()).doesNotContain("CBP_HOLDING_LIMIT", "addressCaptureRate", "undefined",
                    "NaN");
            browser.screenshot("cockpit-reports-charts");
            browser.scrollIntoView(By.id("custody-report-breach-causes"));
            assertThat(browser.text(By.id("custody-report-breach-causes"))).contains("Why deadlines were missed",
                    "Receiving facility had no space\t1", "Every deadline missed (1)", "Figueroa, Luis\tRPG1203-01",
                    "CBP holding limit (TEDS 2015 section 1.8)\t2012-03-04 00:00 UTC",
                    "Receiving facility had no space: Ursula was full\theld at McAllen until a bed opened");
            browser.screenshot("cockpit-reports-breaches");
            browser.scrollIntoView(By.id("custody-reports-page"));
            browser.screenshot("cockpit-reports");

            browser.press(By.id("custody-report-csv"));
            List<String> csv = Files.readAllLines(browser.downloaded(
                    "custody-metrics-2012-01-01-2012-03-31-by-station.csv"));
            assertThat(csv).hasSize(3);
            assertThat(csv.get(0)).startsWith("sector,station,apprehended,released,");
            assertThat(csv.get(1)).startsWith("RGV,MCA,2,0,");
            assertThat(csv.get(2)).startsWith("SDC,CHU,2,2,1,1,0,");
        }
    }

    @Test
    void aRangeEndingBeforeItBeginsIsRefusedUnderItsLastDay() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.login("cockpit", "manager");
            browser.open("/camunda/app/cockpit/default/#/custody-reports");
            browser.waitFor(By.id("custody-report-table"));
            browser.date(By.id("custody-report-from"), "2012-03-31");
            browser.date(By.id("custody-report-to"), "2012-01-01");
            browser.press(By.id("custody-report-show"));
            browser.waitForText("is before the first day of the period");

            assertThat(browser.waitFor(By.id("custody-report-to-error")).getText())
                    .isEqualTo("is before the first day of the period");
            assertThat(browser.text(By.id("custody-report-status")))
                    .isEqualTo("Nothing shown: one field needs correcting.");
            assertThat(browser.all(By.id("custody-report-table"))).isEmpty();
            browser.screenshot("cockpit-reports-refused");
        }
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}
