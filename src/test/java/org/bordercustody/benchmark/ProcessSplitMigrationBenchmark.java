package org.bordercustody.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.KeptHistory;
import org.bordercustody.custody.ProcessMigrations;
import org.bordercustody.custody.ReleaseFollowUpProcess;
import org.bordercustody.system.EngineQueryTuning;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long carrying released people onto the release follow-up takes: a PostgreSQL of the embedded binaries, the
 * custody model of 2026.12-breaches (the single process) with {@code --cases} people waiting at "Check-in or
 * deadline?" (their check-in timer and message subscriptions the engine's own), then the newest models deployed and
 * {@link ProcessMigrations#run()} timed as an administrator runs it. Checked after: every instance is the release
 * follow-up's, and the check-in timers are due exactly as before.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.ProcessSplitMigrationBenchmark \
 *   -Dexec.args="--cases 300000 --out docs/benchmarks/process-split-migration.md"</pre>
 */
public final class ProcessSplitMigrationBenchmark {

    static final String EARLIER_MODEL = "bpmn-earlier/migrant-custody-before-2026.12-processes.bpmn";
    static final int STARTS_PER_TRANSACTION = 50;
    static final String TIMERS = "SELECT count(*) AS n, sum(extract(epoch FROM duedate_)) AS due FROM act_ru_job"
            + " WHERE type_ = 'timer'";

    private ProcessSplitMigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.of("--cases", "300000", "--port", "5436",
                "--threads", "2"), "--out");
        int cases = options.number("--cases");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.number("--port")).start();
                HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(8);
            ProcessEngine engine = engine(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            // the indexes the application adds to Camunda's schema at start
            EngineQueryTuning.INDEXES.forEach(jdbc::execute);
            engine.getRepositoryService().createDeployment().addClasspathResource(EARLIER_MODEL).deploy();

            long seedStarted = System.nanoTime();
            seed(engine, cases, options.number("--threads"));
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStarted);
            Map<String, Object> timersBefore = jdbc.queryForMap(TIMERS);
            System.out.printf("%d people waiting for the check-in on the single process, seeded in %s%n", cases,
                    seeding);

            engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/migrant-custody.bpmn")
                    .addClasspathResource("bpmn/release-follow-up.bpmn")
                    .addClasspathResource("bpmn/breach-follow-up.bpmn").deploy();
            ProcessMigrations migrations = new ProcessMigrations(engine.getRepositoryService(),
                    engine.getRuntimeService(), null, false);
            long started = System.nanoTime();
            List<ProcessMigrations.Migrated> migrated = migrations.run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long again = System.nanoTime();
            List<ProcessMigrations.Migrated> secondRun = migrations.run();
            Duration tookAgain = Duration.ofNanos(System.nanoTime() - again);

            long onFollowUp = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(ReleaseFollowUpProcess.KEY).count();
            long onCustody = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(CustodyProcess.KEY).count();
            Map<String, Object> timersAfter = jdbc.queryForMap(TIMERS);
            boolean timersUnchanged = timersBefore.toString().equals(timersAfter.toString());
            String report = report(cases, seeding, migrated, took, secondRun, tookAgain, onFollowUp, onCustody,
                    timersUnchanged, timersAfter);
            System.out.println(report);
            if (options.has("--out")) {
                Files.writeString(Path.of(options.text("--out")), report);
            }
            engine.close();
            if (onFollowUp != cases || onCustody != 0 || !timersUnchanged || !secondRun.isEmpty()) {
                throw new IllegalStateException("the migration did not carry every case over as it must");
            }
        }
    }

    private static ProcessEngine engine(HikariDataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setHistoryEventHandler(new KeptHistory());
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setProcessEngineName("processSplitMigration");
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        return configuration.buildProcessEngine();
    }

    /** People released over the last 60 days, each with the variables a released case keeps. */
    private static void seed(ProcessEngine engine, int cases, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        List<Future<?>> batches = new ArrayList<>();
        for (int first = 0; first < cases; first += STARTS_PER_TRANSACTION) {
            int from = first;
            int to = Math.min(cases, first + STARTS_PER_TRANSACTION);
            batches.add(pool.submit(() -> {
                ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                        .getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
                            for (int n = from; n < to; n++) {
                                Instant due = now.plus(Duration.ofMinutes(n % (60 * 24 * 60)));
                                engine.getRuntimeService().createProcessInstanceByKey(CustodyProcess.KEY)
                                        .businessKey("MIG%09d-01".formatted(n))
                                        .setVariables(Map.of("checkInDueBy", Date.from(due),
                                                "custodyWarningAt", Date.from(due.minus(Duration.ofDays(62))),
                                                "custodyDeadline", Date.from(due.minus(Duration.ofDays(61))),
                                                "familyDecisionLead", false))
                                        .startBeforeActivity(ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE)
                                        .execute();
                            }
                            return null;
                        });
                if (to % 10_000 == 0) {
                    System.out.printf("%d seeded%n", to);
                }
                return null;
            }));
        }
        try {
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String report(int cases, Duration seeding, List<ProcessMigrations.Migrated> migrated,
            Duration took, List<ProcessMigrations.Migrated> secondRun, Duration tookAgain, long onFollowUp,
            long onCustody, boolean timersUnchanged, Map<String, Object> timers) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Released people carried onto the release follow-up\n\n");
        out.append("Measured ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .append(" by `ProcessSplitMigrationBenchmark` on PostgreSQL (embedded binaries), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, one application node, ")
                .append(ProcessMigrations.INSTANCES_PER_TRANSACTION).append(" instances per transaction.\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| people waiting for the check-in on the single process (2026.12-breaches) | ")
                .append("%,d".formatted(cases)).append(" |\n");
        out.append("| seeding them | ").append(words(seeding)).append(" |\n");
        for (ProcessMigrations.Migrated run : migrated) {
            out.append("| moved to ").append(run.toProcess()).append(" version ").append(run.toVersion())
                    .append(" | ").append("%,d".formatted(run.instances())).append(" |\n");
        }
        out.append("| the run (`POST /api/admin/process-migrations`) | ").append(words(took)).append(", ")
                .append("%,.0f".formatted(cases / Math.max(0.001, took.toMillis() / 1000.0)))
                .append(" people per second |\n");
        out.append("| run again | ").append(secondRun.isEmpty() ? "nothing left to move" : secondRun).append(", ")
                .append(words(tookAgain)).append(" |\n");
        out.append("| after: release follow-ups / custody processes | ").append("%,d / %,d".formatted(onFollowUp,
                onCustody)).append(" |\n");
        out.append("| check-in timers due as before (count and sum of due times) | ")
                .append(timersUnchanged ? "yes" : "NO").append(" (").append(timers.get("n")).append(") |\n");
        return out.toString();
    }

    private static String words(Duration duration) {
        return duration.toMinutes() > 0 ? "%d min %d s".formatted(duration.toMinutes(), duration.toSecondsPart())
                : "%.1f s".formatted(duration.toMillis() / 1000.0);
    }
}
