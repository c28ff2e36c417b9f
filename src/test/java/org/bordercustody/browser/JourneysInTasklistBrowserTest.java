package org.bordercustody.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bordercustody.ApiClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The three journeys of a processing center, each to its end, worked in Tasklist by the people whose work each step
 * is, through the forms only: an adult released and checked in, a mother and two children decided and released
 * together, a fifteen-year-old alone transferred to HHS ORR. The apprehension is recorded through the case API, as
 * agents' e3 hand-off does; ICE reports the check-in through it too.
 */
@BrowserApplicationTest
class JourneysInTasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Browser.installed(), "Browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver.");
    }

    /** A step of a journey: what the user sees on the task's form before answering, and the answers. */
    interface Answers {
        void give(Browser browser, String form) throws Exception;
    }

    @Test
    void aSingleAdultIsReleasedWithAnAddressAndDocumentsAndChecksIn() throws Exception {
        record(ApprehensionFixtures.singleAdult("BJN0001"));
        String person = "BJN0001-01";
        work("agent", person, "Task_RecordIntake", (browser, form) -> {
            assertThat(form).contains("Ramirez, Jose", "age 38", "male", "Honduras", "case BJN0001-01");
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
            browser.choose("Processing pathway", "own recognizance");
            browser.choose("Flight risk", "Low");
        });
        work("supervisor", person, "Task_ApproveCustodyOutcome", (browser, form) -> {
            assertThat(form).contains("Release: Notice to Appear, own recognizance", "flight risk: Low");
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));
        });
        work("agent", person, "Task_RecordIntendedAddress", (browser, form) -> {
            browser.fill("Street address", "12 Elm St");
            browser.choose("Building", "House or single unit");
            browser.fill("City", "Dallas");
            browser.fill("State (two letters)", "TX");
            browser.fill("ZIP code", "75201");
            browser.fill("Contact phone", "+12145550100");
        });
        work("agent", person, "Task_IssueReleaseDocuments", (browser, form) -> {
            assertThat(form).contains("12 Elm St, Dallas, TX 75201").doesNotContain("family is released together");
            browser.choose("Documents issued", "Notice to Appear (I-862)");
            browser.fill("Document number", "A-201-555-01");
            browser.screenshot("journey-adult-documents");
        });
        assertThat(status(person)).isEqualTo("RELEASED_AWAITING_CHECK_IN");

        String reportedAt = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.ofHours(-6)).toString();
        ApiClient.Response checkIn = ApiClient.as(port, "ice-officer").post("/api/cases/" + person + "/check-ins",
                "{ \"reportedAt\": \"" + reportedAt + "\", \"office\": \"Dallas ERO\" }");
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        assertThat(status(person)).isEqualTo("CHECKED_IN");
        assertThat(timeline(person)).contains("Released with Notice to Appear (I-862) number A-201-555-01");
    }

    @Test
    void aMotherAndHerChildrenAreDecidedTogetherAndEachGetsTheirOwnDocument() throws Exception {
        record(ApprehensionFixtures.family("BJN0002"));
        work("agent", "BJN0002-01", "Task_RecordIntake", (browser, form) -> {
            assertThat(form).contains("Lopez, Ana", "female", "Guatemala");
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
            browser.choose("Processing pathway", "own recognizance");
            browser.choose("Flight risk", "Low");
            browser.press(By.xpath("//label[contains(., 'Parent or legal guardian relationship verified')]"));
        });
        for (String child : List.of("BJN0002-02", "BJN0002-03")) {
            work("agent", child, "Task_RecordIntake", (browser, form) -> {
                assertThat(form).doesNotContain("Flight risk");
                browser.choose("Biometrics", "Captured");
                browser.choose("Records check", "No record");
                browser.choose("Medical screening", "No concerns");
                browser.press(By.xpath("//label[contains(., 'Parent or legal guardian relationship verified')]"));
            });
        }
        work("supervisor", "BJN0002-01", "Task_ApproveCustodyOutcome", (browser, form) -> {
            assertThat(form).as("the decision names whom it covers")
                    .contains("Lopez, Ana", "with the family: Lopez, Luis", "Lopez, Maria", "Family: release review")
                    .contains("Children of the family: Lopez, Luis (age", "Keep the family together",
                            "Separate children from the adults");
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));
            browser.press(By.xpath("//label[contains(., 'Keep the family together')]"));
            browser.screenshot("journey-family-approval");
        });
        work("agent", "BJN0002-01", "Task_RecordIntendedAddress", (browser, form) -> {
            browser.fill("Street address", "77 Oak St");
            browser.choose("Building", "Apartment or other multi-unit building");
            browser.fill("Apartment or unit", "2");
            browser.fill("City", "Houston");
            browser.fill("State (two letters)", "TX");
            browser.fill("ZIP code", "77002");
        });
        work("agent", "BJN0002-01", "Task_IssueReleaseDocuments", (browser, form) -> {
            assertThat(form).contains("a document for each person", "The number above is Lopez, Ana's");
            browser.choose("Documents issued", "Notice to Appear (I-862)");
            browser.fill("Document number", "A-1");
            browser.fill("Document number of Lopez, Luis", "A-2");
            browser.fill("Document number of Lopez, Maria", "A-3");
            assertThat(browser.all(By.xpath("//label[starts-with(normalize-space(.), 'Document number of')]")))
                    .as("a number for each child, no empty slots").hasSize(2);
            browser.screenshot("journey-family-documents");
        });
        String[] numbers = {"A-1", "A-2", "A-3"};
        for (int i = 0; i < 3; i++) {
            String member = "BJN0002-0" + (i + 1);
            assertThat(status(member)).isEqualTo("RELEASED_AWAITING_CHECK_IN");
            assertThat(timeline(member)).contains("Notice to Appear (I-862) number " + numbers[i] + " to 77 Oak St");
        }
    }

    @Test
    void aFatherWithACriminalHistoryIsSeparatedFromHisTenYearOldByTheSupervisorWhoSaysWhy() throws Exception {
        String father = "BJN0004-01";
        String son = "BJN0004-02";
        fatherWithACriminalHistoryAndSonThroughIntake("BJN0004");

        Task approval = awaitTask(father, "Task_ApproveCustodyOutcome");
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "supervisor");
            browser.open("/camunda/app/tasklist/default/#/?task=" + approval.getId());
            browser.waitFor(By.cssSelector(".custody-card[data-case='" + father + "']"));
            browser.claim();
            browser.waitFor(By.cssSelector(".fjs-form"));
            assertThat(browser.formText()).contains("Castillo, Mario", "Transfer to ICE detention",
                    "Children of the family: Castillo, Pablo (age 10, case " + son + ")");
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));
            browser.press(By.xpath("//label[contains(., 'Separate children from the adults')]"));
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));

            browser.waitForText("Field is required.");
            for (String field : List.of("Why the children are separated", "Note on the separation")) {
                assertThat(browser.field(field).findElement(By.cssSelector(".fjs-form-field-error")).getText())
                        .as("the message under " + field).isEqualTo("Field is required.");
            }
            assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).as("still open").isEqualTo(1);
            browser.scrollTo("Why the children are separated");
            browser.screenshot("journey-separation-refused");

            browser.choose("Why the children are separated", "Criminal history or warrant of the adult");
            browser.fill("Note on the separation", "Outstanding warrant for assault (NCIC hit confirmed)");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            browser.waitForText("names no child to separate");
            assertThat(browser.field("The family").findElement(By.cssSelector(".fjs-form-field-error")).getText())
                    .as("the server's refusal under the field it is about")
                    .contains("names no child to separate: tick each child who is separated from the adults");
            assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).as("still open").isEqualTo(1);
            browser.press(By.xpath("//label[contains(., 'Separate Castillo, Pablo (age 10, case " + son + ")')]"));
            browser.screenshot("journey-separation-decided");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitGone(approval);
        }
        assertThat(timeline(son)).contains("Separated from Castillo, Mario (case " + father + ")",
                "Criminal history or warrant of the adult: Outstanding warrant for assault", "now an unaccompanied child");
        assertThat(timeline(father)).contains("Separated from Castillo, Pablo (case " + son + ")");

        work("agent", son, "Task_NotifyHhsOfChild", (browser, form) -> {
            assertThat(form).contains("Castillo, Pablo", "age 10");
            browser.fill("ORR referral id", "UC-BJN0004");
            browser.screenshot("journey-separated-child-referral");
        });
        work("agent", father, "Task_PrepareIceTransfer", (browser, form) -> {
            assertThat(form).contains("Castillo, Mario").doesNotContain("Castillo, Pablo");
            browser.choose("Receiving ICE facility", "Eloy Detention Center");
            browser.fill("Transfer record", "father alone; son to HHS ORR");
        });
        assertThat(awaitTask(father, "Task_AcceptIceTransfer").getName()).as("ICE is to accept the father alone")
                .isEqualTo("Accept transfer into ICE custody");
        assertThat(status(son)).isEqualTo("IN_CBP_CUSTODY");
    }

    @Test
    void aFatherAndHisTenYearOldKeptTogetherCannotGoToAdultDetentionAndGoTogetherToAFamilyResidentialCenter()
            throws Exception {
        String father = "BJN0005-01";
        String son = "BJN0005-02";
        fatherWithACriminalHistoryAndSonThroughIntake("BJN0005");
        work("supervisor", father, "Task_ApproveCustodyOutcome", (browser, form) -> {
            assertThat(form).contains("Transfer to ICE detention", "criminal history");
            browser.press(By.xpath("//label[contains(., 'Approve the proposal')]"));
            browser.press(By.xpath("//label[contains(., 'Keep the family together')]"));
        });

        Task handOver = awaitTask(father, "Task_PrepareIceTransfer");
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", "agent");
            browser.open("/camunda/app/tasklist/default/#/?task=" + handOver.getId());
            browser.waitFor(By.cssSelector(".custody-card[data-case='" + father + "']"));
            browser.claim();
            browser.waitFor(By.cssSelector(".fjs-form"));
            browser.choose("Receiving ICE facility", "Eloy Detention Center");
            browser.fill("Transfer record", "father and son");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            browser.waitForText("is a child");
            assertThat(browser.field("Receiving ICE facility").findElement(By.cssSelector(".fjs-form-field-error"))
                    .getText()).as("the refusal under the facility")
                    .contains("Castillo, Pablo (case " + son + ", age 10) is a child: ICE may hold a child only at a"
                            + " family residential center, with a parent or legal guardian");
            assertThat(taskService.createTaskQuery().taskId(handOver.getId()).count()).as("still open").isEqualTo(1);
            browser.scrollTo("Receiving ICE facility");
            browser.screenshot("journey-child-refused-adult-detention");

            browser.scrollTo("Transfer record");
            browser.choose("Receiving ICE facility", "South Texas Family Residential Center");
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            awaitGone(handOver);
        }
        work("ice-officer", father, "Task_AcceptIceTransfer", (browser, form) -> {
            assertThat(form).contains("Castillo, Mario", "with the family: Castillo, Pablo");
            browser.fill("ICE book-in number", "D-BJN0005");
        });
        for (String member : List.of(father, son)) {
            assertThat(status(member)).isEqualTo("TRANSFERRED_TO_ICE");
            assertThat(timeline(member)).contains("Accepted into ICE custody at South Texas Family Residential Center")
                    .contains("family custody limit");
        }
    }

    @Test
    void aFifteenYearOldAloneIsTransferredToOrr() throws Exception {
        record(ApprehensionFixtures.unaccompaniedTeen("BJN0003"));
        String child = "BJN0003-01";
        work("agent", child, "Task_RecordIntake", (browser, form) -> {
            assertThat(form).contains("Mejia, Daniel", "age 15", "Honduras").doesNotContain("Flight risk");
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
        });
        work("agent", child, "Task_NotifyHhsOfChild", (browser, form) -> {
            assertThat(form).contains("Unaccompanied child: transfer to HHS ORR due by");
            browser.fill("ORR referral id", "UC-BJN0003");
        });
        work("orr-liaison", child, "Task_DesignateOrrPlacement", (browser, form) -> {
            assertThat(form).contains("Mejia, Daniel", "age 15");
            browser.choose("ORR care provider", "ORR shelter care provider (Brownsville)");
            browser.choose("Placement type", "Shelter");
            browser.screenshot("journey-child-placement");
        });
        work("orr-liaison", child, "Task_ConfirmTransferToOrr", (browser, form) -> {
            assertThat(form).contains("ORR shelter care provider (Brownsville)");
            browser.fill("Received by", "M. Garza");
        });
        assertThat(status(child)).isEqualTo("TRANSFERRED_TO_ORR");
        assertThat(timeline(child)).contains("ORR shelter care provider (Brownsville) (ORR-SH-TX-01)", "M. Garza");
    }

    /** A father with a criminal history and his ten-year-old son, through intake in Tasklist. */
    private void fatherWithACriminalHistoryAndSonThroughIntake(String event) throws Exception {
        record(ApprehensionFixtures.fatherAndTenYearOld(event));
        work("agent", event + "-01", "Task_RecordIntake", (browser, form) -> {
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "Criminal history");
            browser.choose("Medical screening", "No concerns");
            browser.choose("Processing pathway", "Notice to Appear");
            browser.choose("Flight risk", "Low");
            browser.press(By.xpath("//label[contains(., 'Parent or legal guardian relationship verified')]"));
        });
        work("agent", event + "-02", "Task_RecordIntake", (browser, form) -> {
            browser.choose("Biometrics", "Captured");
            browser.choose("Records check", "No record");
            browser.choose("Medical screening", "No concerns");
            browser.press(By.xpath("//label[contains(., 'Parent or legal guardian relationship verified')]"));
        });
    }

    /** The user signs in to Tasklist, opens the case's task, claims it, answers and completes it. */
    private void work(String user, String caseNumber, String taskKey, Answers answers) throws Exception {
        Task task = awaitTask(caseNumber, taskKey);
        try (Browser browser = new Browser(port)) {
            browser.login("tasklist", user);
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.waitFor(By.cssSelector(".custody-card[data-case='" + caseNumber + "']"));
            try {
                browser.claim();
            } catch (org.openqa.selenium.TimeoutException noClaimShown) {
                // Tasklist on a loaded machine sometimes renders the task without its actions: open it once more.
                browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
                browser.waitFor(By.cssSelector(".custody-card[data-case='" + caseNumber + "']"));
                browser.claim();
            }
            browser.waitFor(By.cssSelector(".fjs-form"));
            String form = browser.formText();
            answers.give(browser, form);
            browser.press(By.xpath("//button[normalize-space(.)='Complete']"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (taskService.createTaskQuery().taskId(task.getId()).count() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
                    .as(taskKey + " completed by " + user + "; the page reads: " + browser.bodyText()).isZero();
        }
    }

    private void awaitGone(Task task) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (taskService.createTaskQuery().taskId(task.getId()).count() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(task.getName() + " completed")
                .isZero();
    }

    private Task awaitTask(String caseNumber, String taskKey) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Task task;
        while ((task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult()) == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(task).as(taskKey + " open for " + caseNumber).isNotNull();
        return task;
    }

    private void record(String apprehension) {
        ApiClient.Response response = ApiClient.as(port, "agent").post("/api/apprehensions", apprehension);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private String status(String caseNumber) {
        JsonNode view = ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json();
        return view.get("status").asText();
    }

    private String timeline(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").body();
    }
}
