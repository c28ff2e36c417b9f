package org.bordercustody.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.DueJobs;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mother released with her two children reports for the family: her check-in covers them. When the family misses
 * the check-in, ICE gets one search, for the mother, and the children are followed up with it.
 */
@CustodyApplicationTest
class FamilyCheckInTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theMothersCheckInCoversTheChildrenReleasedWithHer() {
        List<String> family = new Journeys(port).releasedFamily("FCI0001");
        String mother = family.get(0);

        ApiClient.Response checkIn = ApiClient.as(port, "ice-system").post("/api/cases/" + mother + "/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Houston ERO\" }");

        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        assertThat(checkIn.json().get("childrenCovered")).extracting(JsonNode::asText)
                .containsExactly(family.get(1), family.get(2));
        for (String member : family) {
            assertThat(status(member)).as(member).isEqualTo("CHECKED_IN");
            assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(member)
                    .activityId("Gateway_CheckInOrDeadline").count()).as(member + " no longer waits").isZero();
        }
        assertThat(timeline(family.get(1))).contains("Reported to ICE with Lopez, Ana (case " + mother
                + ") at Houston ERO");
        assertThat(ApiClient.as(port, "ice-system").post("/api/cases/" + family.get(2) + "/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Houston ERO\" }")
                .status()).as("the daughter has reported already, with her mother").isEqualTo(409);
    }

    @Test
    void aMissedCheckInOfTheFamilyEscalatesOnceAndTheChildrenAreFollowedUpWithTheMother() {
        List<String> family = new Journeys(port).releasedFamily("FCI0002");
        String mother = family.get(0);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(61))));
        DueJobs.runFor("FCI0002", managementService, runtimeService);

        for (String member : family) {
            assertThat(status(member)).as(member).isEqualTo("CHECK_IN_OVERDUE");
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("FCI0002%")
                .taskDefinitionKey("Task_LocatePerson").list()).as("one search for the family")
                .singleElement().satisfies(task -> assertThat(runtimeService.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
                        .isEqualTo(mother));
        assertThat(timeline(family.get(1))).contains("Missed the check-in with Lopez, Ana (case " + mother + ")");

        ApiClient.Response completed = new TasklistClient(ApiClient.as(port, "ice-officer")).complete(mother,
                "Task_LocatePerson", Map.of("locateOutcome", "NOT_AT_ADDRESS", "locateNotes", "moved, no new address"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        for (String member : family) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(member).count())
                    .as("the follow-up of " + member + " closed").isZero();
        }
        assertThat(timeline(family.get(2))).contains("ICE closed the follow-up of Lopez, Ana (case " + mother
                + "), which covered the child");
    }

    @Test
    void theMothersLateCheckInDuringTheSearchChecksTheChildrenInToo() {
        List<String> family = new Journeys(port).releasedFamily("FCI0003");
        String mother = family.get(0);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(62))));
        DueJobs.runFor("FCI0003", managementService, runtimeService);

        ApiClient.Response late = ApiClient.as(port, "ice-officer").post("/api/cases/" + mother + "/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Houston ERO\" }");

        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.json().get("childrenCovered")).hasSize(2);
        for (String member : family) {
            assertThat(status(member)).as(member).isEqualTo("CHECKED_IN");
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("FCI0003%").count()).isZero();
    }

    private String status(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json().get("status").asText();
    }

    private String timeline(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").body();
    }
}
