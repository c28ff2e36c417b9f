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
 * acknowledged completion happened once, and every timer that fell due while it was down fires once: one
 * successful run in the job log, one escalation task and one CLOCK_BREACHED timeline entry per case, none of
 * them there before the kill. Runs the packaged application (an integration test of the verify phase) at full
 * history, as the job log is kept at full history only.
 */
class CrashRecoveryIT {

    static final int TIMER_CASES = 20;
    static final Duration TIMERS_DUE_IN = Duration.ofSeconds(100);

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
        AtomicBoolean killed = new AtomicBoolean(false);
        java.util.Queue<String> failedBeforeTheKill = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (running.get()) {
                    String event = "CRA%04d".formatted(next.getAndIncrement());
                    try {
                        ApiClient.Response response = agent.post("/api/apprehensions",
                                ApprehensionFixtures.singleAdult(event));
                        if (response.status() != 201) {
                            throw new IllegalStateException(event + " answered " + response.status() + " " + response.body());
                        }
                        acknowledgedEvents.add(event);
                        ApiClient.Response intake = new TasklistClient(agent).complete(event + "-01", "Task_RecordIntake",
                                Map.of("biometricsStatus", "CAPTURED", "recordsCheckResult", "CLEAR",
                                        "medicalScreening", "NO_CONCERNS", "processingPathway", "NTA_OR",
                                        "flightRisk", "LOW"));
                        if (intake.status() != 204) {
                            throw new IllegalStateException(event + "-01 intake answered " + intake.status() + " "
                                    + intake.body());
                        }
                        acknowledgedIntakes.add(event + "-01");
                    } catch (RuntimeException | AssertionError failure) {
                        // After the kill a lost connection is expected: what was acknowledged before is what counts.
                        if (!killed.get()) {
                            failedBeforeTheKill.add(failure.toString());
                        }
                    }
                }
            });
        }
        // Killed once some work is acknowledged (a slow machine needs longer for it), well before the timers are due.
        Instant loadUntil = Instant.now().plusSeconds(60);
        while ((acknowledgedIntakes.size() < 5 && failedBeforeTheKill.isEmpty()) && Instant.now().isBefore(loadUntil)) {
            Thread.sleep(200);
        }
        killed.set(true);
        application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(failedBeforeTheKill).as("calls that failed before the kill").isEmpty();
        assertThat(acknowledgedIntakes).as("intakes acknowledged before the kill").isNotEmpty();
        assertThat(acknowledgedEvents).as("work acknowledged before the kill").isNotEmpty();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(Instant.now()).as("the kill came before the timers were due").isBefore(timersDue);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                  JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                 WHERE p.business_key_ LIKE 'TMR%' AND d.act_id_ = 'Timer_CustodyLimitReached'
                """).query(Long.class).single()).as("custody-limit timers waiting at the kill; jobs: %s", jdbc.sql(
                        "SELECT j.type_, j.handler_type_, j.handler_cfg_, j.job_def_id_, j.process_instance_id_ FROM act_ru_job j")
                        .query().listOfRows()).isEqualTo(TIMER_CASES);
        assertThat(limitTimerRuns(jdbc)).as("custody-limit timers run before the kill").isEmpty();
        assertThat(escalationTasks(jdbc)).as("escalation tasks before the kill").isEmpty();
        assertThat(breachEntries(jdbc)).as("CLOCK_BREACHED entries before the kill").isEmpty();

        while (Instant.now().isBefore(timersDue.plusSeconds(2))) {
            Thread.sleep(500);
        }
        application = start(port, "second");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while ((breaches(jdbc) < TIMER_CASES || dueTimerJobs(jdbc) > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        for (String event : acknowledgedEvents) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM apprehension_event WHERE event_number = :e").param("e", event)
                    .query(Long.class).single()).as(event).isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM custody_case c
                 WHERE (SELECT COUNT(*) FROM act_hi_procinst p WHERE p.business_key_ = c.case_number
                          AND p.proc_def_key_ = 'migrantCustody') <> 1
                """).query(Long.class).single()).as("cases without exactly one custody process instance").isZero();
        for (String intake : acknowledgedIntakes) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = :c AND type = 'INTAKE_RECORDED'")
                    .param("c", intake).query(Long.class).single()).as(intake).isEqualTo(1);
        }
        Map<String, Long> firedOnce = timerCases().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c, c -> 1L));
        assertThat(breaches(jdbc)).as("cases with a breach recorded").isEqualTo(TIMER_CASES);
        assertThat(limitTimerRuns(jdbc)).as("successful runs of each case's custody-limit timer").isEqualTo(firedOnce);
        assertThat(escalationTasks(jdbc)).as("escalation tasks of each case").isEqualTo(firedOnce);
        assertThat(breachEntries(jdbc)).as("CLOCK_BREACHED timeline entries of each case").isEqualTo(firedOnce);
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

    /** The timer cases' jobs that are due: a timer that would fire again is one of them until it has. */
    private static long dueTimerJobs(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                 WHERE p.business_key_ LIKE 'TMR%' AND j.duedate_ <= :now
                """).param("now", java.sql.Timestamp.from(Instant.now())).query(Long.class).single();
    }

    private static java.util.List<String> timerCases() {
        return java.util.stream.IntStream.range(0, TIMER_CASES).mapToObj("TMR%04d-01"::formatted).toList();
    }

    /** Per case, the successful runs (job log state 2) of its custody-limit timer job: a second firing adds one. */
    private static Map<String, Long> limitTimerRuns(JdbcClient jdbc) {
        return countsByCase(jdbc, """
                SELECT p.business_key_ AS case_number, COUNT(*) AS n FROM act_hi_job_log l
                  JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_
                 WHERE l.job_state_ = 2 AND l.act_id_ = 'Timer_CustodyLimitReached' AND p.business_key_ LIKE 'TMR%'
                 GROUP BY p.business_key_
                """);
    }

    /** Per case, the escalation tasks ever created for its custody limit: a second firing creates another. */
    private static Map<String, Long> escalationTasks(JdbcClient jdbc) {
        return countsByCase(jdbc, """
                SELECT p.business_key_ AS case_number, COUNT(*) AS n FROM act_hi_taskinst t
                  JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_
                 WHERE t.task_def_key_ = 'Task_ResolveCustodyLimitBreach' AND p.business_key_ LIKE 'TMR%'
                 GROUP BY p.business_key_
                """);
    }

    private static Map<String, Long> breachEntries(JdbcClient jdbc) {
        return countsByCase(jdbc, """
                SELECT case_number, COUNT(*) AS n FROM case_event
                 WHERE type = 'CLOCK_BREACHED' AND case_number LIKE 'TMR%' GROUP BY case_number
                """);
    }

    private static Map<String, Long> countsByCase(JdbcClient jdbc, String sql) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getString("case_number"), rs.getLong("n"));
        });
        return counts;
    }

    private static Process start(int port, String run) throws Exception {
        return PackagedApplication.start(port, run, postgres.getJdbcUrl("postgres", "postgres"),
                "--camunda.bpm.history-level=full");
    }
}
