package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** ICE's and ORR's systems answer back through the case API; the agents' tasks stay the fallback. */
@CustodyApplicationTest
class PartnerAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void orrsAcknowledgementMeetsTheHhsNotificationSoNoTaskStaysAndTheClockDoesNotEscalate() {
        String child = childAwaitingHhsNotification("PAN0001");
        assertThat(openTasks(child, "Task_NotifyHhsOfChild")).isEqualTo(1);
        assertThat(hhsTimers(child)).isEqualTo(1);
        ApiClient orr = ApiClient.as(port, "orr-system");
        String body = "{ \"referralId\": \"UC-2026-118842\", \"acknowledgedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\" }";

        assertThat(ApiClient.as(port, "agent").post("/api/cases/" + child + "/hhs-referral/acknowledgement", body)
                .status()).isEqualTo(403);
        assertThat(ApiClient.as(port, "ice-system").post("/api/cases/" + child + "/hhs-referral/acknowledgement", body)
                .status()).isEqualTo(403);
        ApiClient.Response acknowledged = orr.post("/api/cases/" + child + "/hhs-referral/acknowledgement", body);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
        assertThat(acknowledged.json().get("notificationTaskClosed").asBoolean()).isTrue();

        assertThat(openTasks(child, "Task_NotifyHhsOfChild")).as("no agent task left").isZero();
        assertThat(hhsTimers(child)).as("the 48-hour clock stopped").isZero();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(49 * 3600)));
        runDueJobs();
        assertThat(openTasks(child, "Task_FollowUpLateHhsNotification")).as("no escalation").isZero();
        assertThat(timeline(child)).contains("HHS_REFERRAL_ACKNOWLEDGED", "\"actor\":\"orr-system\"");

        assertThat(orr.post("/api/cases/" + child + "/hhs-referral/acknowledgement", body).status())
                .as("the same acknowledgement again").isEqualTo(200);
        assertThat(orr.post("/api/cases/" + child + "/hhs-referral/acknowledgement",
                body.replace("UC-2026-118842", "UC-2026-999999")).status()).as("another referral id").isEqualTo(409);
        assertThat(count("hhs_referral_acknowledgement", child)).isEqualTo(1);
        assertThat(orr.post("/api/cases/PAN0001-01/hhs-referral/acknowledgement", body).status())
                .as("the aunt is not an unaccompanied child").isEqualTo(404);
        assertThat(orr.post("/api/cases/" + child + "/hhs-referral/acknowledgement", "{ \"referralId\": \"UC-1\" }")
                .status()).isEqualTo(400);

        String otherChild = childAwaitingHhsNotification("PAN0008");
        ApiClient.Response reused = orr.post("/api/cases/" + otherChild + "/hhs-referral/acknowledgement", body);
        assertThat(reused.status()).as("another child's referral id").isEqualTo(409);
        ApiClient.Response beforeTheReferral = orr.post("/api/cases/" + otherChild + "/hhs-referral/acknowledgement",
                "{ \"referralId\": \"UC-PAN8\", \"acknowledgedAt\": \"2020-01-01T00:00:00Z\" }");
        assertThat(beforeTheReferral.status()).isEqualTo(400);
        assertThat(beforeTheReferral.body()).contains("before the referral");
        assertThat(openTasks(otherChild, "Task_NotifyHhsOfChild")).as("nothing done").isEqualTo(1);
        assertThat(count("hhs_referral_acknowledgement", otherChild)).isZero();
    }

    @Test
    void withoutAnAcknowledgementWithin48HoursTheNotificationEscalatesAsBefore() {
        String child = childAwaitingHhsNotification("PAN0002");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(49 * 3600)));
        runDueJobs();
        assertThat(openTasks(child, "Task_FollowUpLateHhsNotification")).isEqualTo(1);
        assertThat(openTasks(child, "Task_NotifyHhsOfChild")).as("the agent's task stays").isEqualTo(1);
    }

    @Test
    void iceBooksInAHandedOverPersonOnceAndAnotherNumberIsAConflict() {
        String person = new Journeys(port).adultAwaitingIce("PAN0003");
        ApiClient ice = ApiClient.as(port, "ice-system");
        String body = "{ \"facility\": \"PISPC\", \"bookInNumber\": \"B-2026-0042\", \"familyCustody\": false }";

        assertThat(ApiClient.as(port, "orr-system").post("/api/cases/" + person + "/ice-book-in", body).status())
                .isEqualTo(403);
        assertThat(ice.post("/api/cases/" + person + "/ice-book-in", body.replace("false", "true")).status())
                .as("a single adult is not booked into family custody").isEqualTo(409);
        ApiClient.Response bookedIn = ice.post("/api/cases/" + person + "/ice-book-in", body);
        assertThat(bookedIn.status()).as(bookedIn.body()).isEqualTo(201);
        assertThat(caseView(person).get("status").asText()).isEqualTo("TRANSFERRED_TO_ICE");
        assertThat(openTasks(person, "Task_AcceptIceTransfer")).isZero();
        assertThat(timeline(person)).contains("B-2026-0042", "\"actor\":\"ice-system\"");

        assertThat(ice.post("/api/cases/" + person + "/ice-book-in", body).status()).as("again").isEqualTo(200);
        assertThat(ice.post("/api/cases/" + person + "/ice-book-in", body.replace("0042", "0043")).status())
                .isEqualTo(409);
        assertThat(count("ice_book_in", person)).isEqualTo(1);
        String notHandedOver = new Journeys(port).adultAfterIntake("PAN0004");
        assertThat(ice.post("/api/cases/" + notHandedOver + "/ice-book-in", body).status()).isEqualTo(409);
        assertThat(timeline(person)).as("ICE's facility kept").contains("Booked in by ICE at Port Isabel Service Processing Center (PISPC)");

        String second = new Journeys(port).adultAwaitingIce("PAN0009");
        assertThat(ice.post("/api/cases/" + second + "/ice-book-in", body).status())
                .as("another person's book-in number").isEqualTo(409);
        assertThat(ice.post("/api/cases/" + second + "/ice-book-in", body.replace("false", "\"false\"")).status())
                .as("yes or no as text").isEqualTo(400);
        assertThat(ice.post("/api/cases/" + second + "/ice-book-in", body + " {}").status())
                .as("something after the JSON").isEqualTo(400);
        assertThat(openTasks(second, "Task_AcceptIceTransfer")).as("nothing done").isEqualTo(1);
        assertThat(count("ice_book_in", second)).isZero();
    }

    @Test
    void iceSystemDoesNotReachAChildsCaseAndLearnsNothingOfIt() {
        String child = new Journeys(port).childAwaitingPlacement("PAN0010");
        ApiClient ice = ApiClient.as(port, "ice-system");
        ApiClient.Response missing = ice.post("/api/cases/ZZZ9999999-01/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Dallas ERO\" }");
        ApiClient.Response childsCase = ice.post("/api/cases/" + child + "/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Dallas ERO\" }");
        assertThat(childsCase.status()).isEqualTo(404);
        assertThat(childsCase.body().replace(child, "ZZZ9999999-01")).as("as if there were no such case")
                .isEqualTo(missing.body().replace("ZZZ9999999-01", "ZZZ9999999-01"));
        assertThat(ice.post("/api/cases/" + child + "/ice-book-in",
                "{ \"facility\": \"X\", \"bookInNumber\": \"B-X\", \"familyCustody\": false }").status()).isEqualTo(404);
    }

    @Test
    void iceSystemReportsACheckInAndOrrSystemDesignatesAChildsPlacementEachOnceByItsOwnId() {
        String released = new Journeys(port).releasedAdult("PAN0005");
        ApiClient ice = ApiClient.as(port, "ice-system");
        String report = "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Dallas ERO\","
                + " \"checkInId\": \"EARM-CI-77\" }";
        ApiClient.Response checkIn = ice.post("/api/cases/" + released + "/check-ins", report);
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        assertThat(ice.post("/api/cases/" + released + "/check-ins", report).status()).as("sent again").isEqualTo(200);
        assertThat(ice.post("/api/cases/" + released + "/check-ins", report.replace("EARM-CI-77", "EARM-CI-78"))
                .status()).as("another check-in of a case checked in").isEqualTo(409);
        String otherReleased = new Journeys(port).releasedAdult("PAN0007");
        assertThat(ice.post("/api/cases/" + otherReleased + "/check-ins", report).status())
                .as("the id of another case's check-in").isEqualTo(409);
        assertThat(timeline(released).split("\"CHECKED_IN\"", -1)).as("recorded once").hasSize(2);

        String child = new Journeys(port).childAwaitingPlacement("PAN0006");
        String placement = "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\","
                + " \"placementId\": \"UCP-5521\" }";
        ApiClient orr = ApiClient.as(port, "orr-system");
        assertThat(orr.post("/api/cases/PAN0006-01/orr-placement", placement).status())
                .as("the aunt's case is not known to ORR").isEqualTo(404);
        assertThat(orr.post("/api/cases/" + child + "/orr-placement", placement).status()).isEqualTo(202);
        assertThat(orr.post("/api/cases/" + child + "/orr-placement", placement).status()).as("sent again").isEqualTo(200);
        assertThat(orr.post("/api/cases/" + child + "/orr-placement", placement.replace("UCP-5521", "UCP-5522"))
                .status()).as("a second placement").isEqualTo(409);
        assertThat(ApiClient.as(port, "ice-system").post("/api/cases/" + child + "/orr-placement", placement).status())
                .isEqualTo(403);
    }

    private String childAwaitingHhsNotification(String eventNumber) {
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.childWithAunt(eventNumber));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake(eventNumber + "-01", false);
        agent.completeIntake(eventNumber + "-02", false);
        return eventNumber + "-02";
    }

    private long openTasks(String caseNumber, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count();
    }

    private long hhsTimers(String caseNumber) {
        return managementService.createJobQuery().timers().activityId("Timer_HhsNotificationOverdue").list().stream()
                .filter(job -> processInstancesOf(caseNumber).contains(job.getProcessInstanceId())).count();
    }

    /** The case's running processes: its custody process and the ORR transfer it calls. */
    private java.util.List<String> processInstancesOf(String caseNumber) {
        return jdbc.sql("SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = :key AND PARENT_ID_ IS NULL")
                .param("key", caseNumber).query(String.class).list();
    }

    private void runDueJobs() {
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private long count(String table, String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber).query(Long.class).single();
    }

    private JsonNode caseView(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json();
    }

    private String timeline(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").body();
    }
}
