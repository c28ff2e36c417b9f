package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases carried through the running application by the API and Camunda's REST API, as users would. */
@CustodyApplicationTest
class CustodyJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void adultQuestionsAreAskedOfAdultsOnlyAndRequiredOfThem() {
        record(ApprehensionFixtures.family("JRN0009"));
        TasklistClient tasklist = new TasklistClient(agent());
        Map<String, Object> withoutAdultQuestions = Map.of("biometricsStatus", "CAPTURED",
                "recordsCheckResult", "CLEAR", "medicalScreening", "NO_CONCERNS");

        ApiClient.Response adult = tasklist.complete("JRN0009-01", "Task_RecordIntake", withoutAdultQuestions);
        assertThat(adult.status()).isEqualTo(400);
        assertThat(adult.body()).contains("processingPathway").contains("is required for an adult");
        assertThat(timelineTypes("JRN0009-01")).doesNotContain("INTAKE_RECORDED");

        assertThat(tasklist.complete("JRN0009-02", "Task_RecordIntake", withoutAdultQuestions).status())
                .as("a six-year-old is not asked for a pathway or a flight risk").isEqualTo(204);
        assertThat(timelineTypes("JRN0009-02")).contains("INTAKE_RECORDED");
    }

    @Test
    void establishingFamilyStatusNamesTheMissingFactAndDoesNotAskForADateOfBirthOnRecord() {
        record(ApprehensionFixtures.family("JRN0010"));
        TasklistClient tasklist = new TasklistClient(agent());
        for (String member : List.of("JRN0010-01", "JRN0010-02", "JRN0010-03")) {
            tasklist.completeIntake(member, false);
        }
        String establish = tasklist.taskId("JRN0010-02", "Task_EstablishFamilyStatus");

        JsonNode form = agent().get("/engine-rest/task/" + establish + "/form-variables").json();
        assertThat(form.at("/dateOfBirthKnown/value").asBoolean()).isTrue();
        assertThat(form.at("/missingFacts/value").asText()).as("the fact the decision lacked")
                .contains("date of birth (2020-06-30) is on record")
                .contains("parent or legal guardian relationship").contains("is not");

        ApiClient.Response response = tasklist.complete("JRN0010-02", "Task_EstablishFamilyStatus",
                Map.of("familyRelationshipVerified", true, "familyFactsSource", "birth certificate"));

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(caseView("JRN0010-02").get("classification").asText()).as("decided again, on the date of birth"
                + " on record").isEqualTo("FAMILY_UNIT_MEMBER");
        assertThat(timeline("JRN0010-02")).anySatisfy(entry -> assertThat(entry.get("description").asText())
                .isEqualTo("Date of birth as recorded, relationship verified; source: birth certificate"));
    }

    @Test
    void familyIsDecidedAndPlacedTogetherOnceEveryMemberFinishedIntake() {
        record(ApprehensionFixtures.family("JRN0001"));
        TasklistClient tasklist = new TasklistClient(agent());

        tasklist.completeIntake("JRN0001-01", true);
        tasklist.completeIntake("JRN0001-02", false);
        assertThat(caseView("JRN0001-01").get("classification").asText())
                .as("decided only when the whole family finished intake").isEqualTo("UNDETERMINED");
        tasklist.completeIntake("JRN0001-03", false);

        for (String member : List.of("JRN0001-01", "JRN0001-02", "JRN0001-03")) {
            JsonNode view = caseView(member);
            assertThat(view.get("classification").asText()).isEqualTo("FAMILY_UNIT_MEMBER");
            assertThat(view.get("placement").asText()).isEqualTo("FAMILY_RELEASE_REVIEW");
            assertThat(view.get("familyGroup")).hasSize(2);
        }
        JsonNode mother = caseView("JRN0001-01");
        assertThat(mother.get("openTasks")).as("one decision, in the mother's case, for the family").hasSize(1);
        assertThat(mother.get("openTasks").get(0).get("name").asText()).isEqualTo("Approve release or transfer");
        assertThat(mother.get("openTasks").get(0).get("candidateGroup").asText()).isEqualTo("border-patrol-supervisor");
        assertThat(caseView("JRN0001-02").get("openTasks")).isEmpty();
        String decision = new TasklistClient(ApiClient.as(port, "supervisor")).taskId("JRN0001-01",
                "Task_ApproveCustodyOutcome");
        JsonNode form = ApiClient.as(port, "supervisor").get("/engine-rest/task/" + decision + "/form-variables").json();
        assertThat(form.at("/personFacts/value").asText()).matches("age \\d+, female, Guatemala");
        assertThat(form.at("/familyCovered/value").asText()).as("the form names whom the decision covers")
                .matches(" · with the family: Lopez, Luis \\(age \\d+, case JRN0001-02\\);"
                        + " Lopez, Maria \\(age \\d+, case JRN0001-03\\)");
        assertThat(timelineTypes("JRN0001-02")).containsSubsequence("APPREHENDED", "TASK_COMPLETED", "INTAKE_RECORDED",
                "FAMILY_STATUS_DECIDED", "PLACEMENT_DECIDED");
        assertThat(timeline("JRN0001-02")).anySatisfy(entry -> {
            assertThat(entry.get("type").asText()).isEqualTo("TASK_COMPLETED");
            assertThat(entry.get("actor").asText()).isEqualTo("agent");
        });
    }

    @Test
    void childWithAnAuntIsReferredToOrrAndEndsTransferredToOrr() {
        record(ApprehensionFixtures.childWithAunt("JRN0002"));
        TasklistClient agentTasks = new TasklistClient(agent());
        agentTasks.completeIntake("JRN0002-01", false);
        agentTasks.completeIntake("JRN0002-02", false);

        assertThat(caseView("JRN0002-01").get("classification").asText()).isEqualTo("SINGLE_ADULT");
        JsonNode child = caseView("JRN0002-02");
        assertThat(child.get("classification").asText()).isEqualTo("UNACCOMPANIED_CHILD");
        assertThat(child.get("placement").asText()).isEqualTo("TRANSFER_TO_HHS_ORR");
        assertThat(child.get("familyGroup")).isEmpty();
        assertThat(agentTasks.complete("JRN0002-02", "Task_NotifyHhsOfChild", Map.of("hhsReferralId", "UC-1")).status())
                .isEqualTo(204);

        ApiClient orr = ApiClient.as(port, "orr-liaison");
        String placement = "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\" }";
        assertThat(agent().post("/api/cases/JRN0002-02/orr-placement", placement).status()).isEqualTo(403);
        assertThat(orr.post("/api/cases/JRN0002-01/orr-placement", placement).status())
                .as("the aunt's case is not known to ORR").isEqualTo(404);
        assertThat(orr.post("/api/cases/JRN0002-02/orr-placement", placement).status()).isEqualTo(202);
        assertThat(orr.post("/api/cases/JRN0002-02/orr-placement", placement).status())
                .as("a second designation").isEqualTo(409);
        assertThat(new TasklistClient(orr).complete("JRN0002-02", "Task_ConfirmTransferToOrr",
                Map.of("orrReceivedBy", "R. Diaz")).status()).isEqualTo(204);

        JsonNode transferred = caseView("JRN0002-02");
        assertThat(transferred.get("status").asText()).isEqualTo("TRANSFERRED_TO_ORR");
        assertThat(transferred.get("leftCbpCustodyAt").isNull()).isFalse();
        assertThat(transferred.get("openTasks")).isEmpty();
        assertThat(timelineTypes("JRN0002-02")).containsSubsequence("FAMILY_STATUS_DECIDED",
                "ORR_PLACEMENT_DESIGNATED", "TASK_COMPLETED", "TRANSFERRED_TO_ORR");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JRN0002-02").count())
                .as("the case's process, with every clock, ended").isZero();
        assertThat(timeline("JRN0002-02")).extracting(entry -> entry.get("description").asText())
                .as("the answers typed in ORR's and the agent's tasks are kept")
                .anySatisfy(description -> assertThat(description).endsWith("ORR referral id (UC Portal): UC-1"))
                .anySatisfy(description -> assertThat(description).endsWith("Received by (ORR staff): R. Diaz"));
    }

    @Test
    void apprehensionRecordedSeventyHoursLateBreachesTheHoldingLimitTwoHoursLater() {
        record(ApprehensionFixtures.singleAdult("JRN0003", ApprehensionFixtures.hoursAgo(70)));
        assertThat(caseView("JRN0003-01").get("hoursInCustody").asDouble()).isBetween(69.9, 70.1);
        runDueJobs();
        assertThat(openTaskNames("JRN0003-01")).contains("Review case nearing custody limit")
                .doesNotContain("Custody limit exceeded");

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(119))));
        runDueJobs();
        assertThat(openTaskNames("JRN0003-01")).doesNotContain("Custody limit exceeded");

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(2))));
        runDueJobs();
        assertThat(openTaskNames("JRN0003-01")).as("one task for the supervisor once the limit is reached")
                .containsOnlyOnce("Custody limit exceeded").doesNotContain("Review case nearing custody limit");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_breach WHERE case_number = 'JRN0003-01'"
                + " AND clock = 'CBP_HOLDING_LIMIT'").query(Long.class).single()).isEqualTo(1);
        assertThat(timelineTypes("JRN0003-01")).contains("CUSTODY_LIMIT_WARNING", "CLOCK_BREACHED");
    }

    private void record(String apprehension) {
        ApiClient.Response response = agent().post("/api/apprehensions", apprehension);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private void runDueJobs() {
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private List<String> openTaskNames(String caseNumber) {
        List<String> names = new ArrayList<>();
        caseView(caseNumber).get("openTasks").forEach(task -> names.add(task.get("name").asText()));
        return names;
    }

    private JsonNode caseView(String caseNumber) {
        ApiClient.Response response = agent().get("/api/cases/" + caseNumber);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> timeline(String caseNumber) {
        List<JsonNode> entries = new ArrayList<>();
        agent().get("/api/cases/" + caseNumber + "/timeline").json().forEach(entries::add);
        return entries;
    }

    private List<String> timelineTypes(String caseNumber) {
        return timeline(caseNumber).stream().map(entry -> entry.get("type").asText()).toList();
    }

    private ApiClient agent() {
        return ApiClient.as(port, "agent");
    }
}
