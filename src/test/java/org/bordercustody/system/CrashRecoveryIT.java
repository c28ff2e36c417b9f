package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bordercustody.ApiClient;
import org.bordercustody.PackagedApplication;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application process is killed (SIGKILL) while apprehensions are posted and tasks completed, and started
 * again: every apprehension that was acknowledged exists exactly once with its process instance, every
 * acknowledged completion happened once, and every timer that fell due while it was down fires once. Runs
 * the packaged application (an integration test of the verify phase).
 */
class CrashRecoveryIT {

    static final int TIMER_CASES = 20;
    static final Duration TIMERS_DUE_IN = Duration.ofSeconds(40);

    static EmbeddedPostgres postgres;
    static HikariDataSource dataSource;
    static Process application;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (application != null) {
            application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        dataSource.close();
        postgres.close();
    }

    @Test
    void acknowledgedWorkSurvivesAKillAndTimersDueDuringTheOutageFireOnce() throws Exception {
        int port = PackagedApplication.freePort();
        application = start(port, "first");
        ApiClient agent = ApiClient.as(port, "agent");
        Instant timersDue = Instant.now().plus(TIMERS_DUE_IN);
        String apprehendedAt = timersDue.minus(Duration.ofHours(72)).atOffset(java.time.ZoneOffset.UTC).toString();
        for (int i = 0; i < TIMER_CASES; i++) {
            assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("TMR%04d".formatted(i),
                    apprehendedAt)).status()).isEqualTo(201);
        }

        Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedIntakes = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (running.get()) {
                    String event = "CRA%04d".formatted(next.getAndIncrement());
                    try {
                        ApiClient.Response response = agent.post("/api/apprehensions",
                                ApprehensionFixtures.singleAdult(event));
                        if (response.status() == 201 || response.status() == 200) {
                            acknowledgedEvents.add(event);
                            String task = agent.get("/engine-rest/task?processInstanceBusinessKey=" + event + "-01")
                                    .json().path(0).path("id").asText();
                            if (!task.isEmpty() && new TasklistClient(agent).completeTask(task, Map.of(
                                    "biometricsStatus", "CAPTURED", "recordsCheckResult", "CLEAR",
                                    "medicalScreening", "NO_CONCERNS", "processingPathway", "NTA_OR",
                                    "flightRisk", "LOW")).status() == 204) {
                                acknowledgedIntakes.add(event + "-01");
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        // the application is gone: what was acknowledged before is what counts
                    }
                }
            });
        }
        Thread.sleep(4000);
        application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(acknowledgedEvents).as("work acknowledged before the kill").isNotEmpty();

        while (Instant.now().isBefore(timersDue.plusSeconds(2))) {
            Thread.sleep(500);
        }
        application = start(port, "second");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (breaches(jdbc) < TIMER_CASES && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        for (String event : acknowledgedEvents) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM apprehension_event WHERE event_number = :e").param("e", event)
                    .query(Long.class).single()).as(event).isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM custody_case c
                 WHERE (SELECT COUNT(*) FROM act_hi_procinst p WHERE p.business_key_ = c.case_number) <> 1
                """).query(Long.class).single()).as("cases without exactly one process instance").isZero();
        for (String intake : acknowledgedIntakes) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = :c AND type = 'INTAKE_RECORDED'")
                    .param("c", intake).query(Long.class).single()).as(intake).isEqualTo(1);
        }
        assertThat(breaches(jdbc)).as("timers due during the outage, fired once each").isEqualTo(TIMER_CASES);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_ru_incident").query(Long.class).single()).isZero();
        System.out.printf("crash: %d apprehensions and %d intakes acknowledged before the kill, all present once;"
                + " %d timers fired once after restart%n", acknowledgedEvents.size(), acknowledgedIntakes.size(),
                breaches(jdbc));
    }

    private static long breaches(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT b.case_number) FROM custody_breach b
                 WHERE b.clock = 'CBP_HOLDING_LIMIT' AND b.case_number LIKE 'TMR%'
                """).query(Long.class).single();
    }

    private static Process start(int port, String run) throws Exception {
        return PackagedApplication.start(port, run, postgres.getJdbcUrl("postgres", "postgres"));
    }
}
