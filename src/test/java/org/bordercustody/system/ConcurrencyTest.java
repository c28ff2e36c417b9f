package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CustodyApplicationTest
class ConcurrencyTest {

    static final int CALLERS = 50;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftySimultaneousIdenticalApprehensionsMakeOneSetOfCases() throws Exception {
        String family = ApprehensionFixtures.family("CON0001");

        List<ApiClient.Response> responses = all(() -> ApiClient.as(port, "agent").post("/api/apprehensions", family));

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 200)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(responses).extracting(response -> response.json().get("cases").toString()).containsOnly(
                responses.get(0).json().get("cases").toString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE event_number = 'CON0001'").query(Long.class)
                .single()).isEqualTo(3);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("CON0001-%").count())
                .isEqualTo(3);
    }

    @Test
    void fiftySimultaneousCompletionsOfOneTaskLeaveOneCompletionAndCleanConflicts() throws Exception {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("CON0002"));
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("CON0002-01").singleResult().getId();
        Map<String, Object> intake = new java.util.HashMap<>(Map.of("biometricsStatus", "CAPTURED",
                "recordsCheckResult", "CLEAR", "medicalScreening", "NO_CONCERNS", "processingPathway", "NTA_OR",
                "flightRisk", "LOW"));
        if (new TasklistClient(agent).asksIfSamePerson(taskId)) {
            intake.put("samePersonAsEarlier", "ANOTHER_PERSON");
        }

        List<ApiClient.Response> responses = all(() ->
                new TasklistClient(ApiClient.as(port, "agent")).completeTask(taskId, intake));

        assertThat(responses).filteredOn(response -> response.status() == 204).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 204)
                .allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(409));
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = 'CON0002-01' AND type = 'INTAKE_RECORDED'")
                .query(Long.class).single()).as("recorded once").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("CON0002-01").singleResult().getName())
                .isEqualTo("Approve release or transfer");
    }

    @Test
    void fiftySimultaneousCheckInsOfOneReleasedPersonRecordOneAndAnswerTheOthersWithAConflict() throws Exception {
        new Journeys(port).releasedAdult("CON0003");
        String checkIn = "{\"reportedAt\": \"" + ApprehensionFixtures.hoursAgo(0) + "\", \"office\": \"Dallas ERO\"}";

        List<ApiClient.Response> responses = all(() ->
                ApiClient.as(port, "ice-officer").post("/api/cases/CON0003-01/check-ins", checkIn));

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 201)
                .allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(409));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = 'CON0003-01' AND type = 'CHECKED_IN'")
                .query(Long.class).single()).as("recorded once").isEqualTo(1);
    }

    @Test
    void fiftySimultaneousOrrPlacementsOfOneChildRecordOneAndAnswerTheOthersWithAConflict() throws Exception {
        new Journeys(port).childAwaitingPlacement("CON0004");
        String placement = "{\"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\"}";

        List<ApiClient.Response> responses = all(() ->
                ApiClient.as(port, "orr-liaison").post("/api/cases/CON0004-02/orr-placement", placement));

        assertThat(responses).filteredOn(response -> response.status() == 202).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 202)
                .allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(409));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = 'CON0004-02'"
                + " AND type = 'ORR_PLACEMENT_DESIGNATED'").query(Long.class).single()).as("recorded once").isEqualTo(1);
    }

    /** Runs the call from 50 threads released at the same instant. */
    private static List<ApiClient.Response> all(Callable<ApiClient.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(() -> {
                start.await();
                return call.call();
            });
        }
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (Callable<ApiClient.Response> c : calls) {
            futures.add(pool.submit(c));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();
        return responses;
    }
}
