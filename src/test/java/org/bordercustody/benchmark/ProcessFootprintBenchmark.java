package org.bordercustody.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What one case costs the database, for two builds of the application side by side in one run on the same
 * machine: each build (an executable jar) runs in turn against its own fresh PostgreSQL 17 database, takes the
 * same border traffic (record, every task worked through Camunda's REST API, every released person checked in)
 * and is measured the same way:
 * <ul>
 * <li>process variables per released case: the variable instances Camunda's history holds for the case's process
 * (all scopes, task-local ones included), and those still in the runtime while the person awaits the check-in;</li>
 * <li>bytes per completed case: the growth of every table of the database with its indexes and TOAST, each side
 * compacted by {@code VACUUM FULL}, divided by the cases;</li>
 * <li>SQL statements per case: every statement PostgreSQL executed for the database ({@code pg_stat_statements})
 * from the first recorded apprehension until every case has ended, divided by the cases;</li>
 * <li>idle, once every case has ended: the statements and the jobs run in a minute with nothing moving
 * ({@code --idle-seconds});</li>
 * <li>cases per second end to end at concurrency 2: from the first apprehension recorded to the last task
 * completed, as the border traffic benchmark counts it.</li>
 * </ul>
 * Rounds alternate the builds (A, B, A, B, ...) so that a noisy machine hurts both alike.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.ProcessFootprintBenchmark \
 *   -Dexec.args="--a target/before/target/border-custody-0.1.0-SNAPSHOT.jar --a-name before --b target/after.jar --b-name after"</pre>
 *
 * Options: --a/--b the jars, --a-name/--b-name their labels, --a-args/--b-args more arguments for each jar (in
 * them, {receiver} is the URL of a partner webhook this benchmark runs: it acknowledges at once and measures how long
 * after the change each event arrived; the statements and bytes then count every delivery), --cases per round
 * (600), --warmup cases per round (200), --idle-seconds measured idle after them (60), --concurrency (2), --rounds (2), --port of PostgreSQL (5434), --out
 * markdown file (target/benchmark/footprint.md).
 *
 * <p>The partner exchange, both partners subscribed against none:
 * <pre>-Dexec.args="--a target/border-custody-0.1.0-SNAPSHOT.jar --a-name unsubscribed
 *   --a-args '--custody.partners.ice.webhook-url= --custody.partners.orr.webhook-url='
 *   --b target/border-custody-0.1.0-SNAPSHOT.jar --b-name subscribed
 *   --b-args '--custody.partners.ice.webhook-url={receiver} --custody.partners.orr.webhook-url={receiver}'"</pre>
 */
public final class ProcessFootprintBenchmark {

    private static final int APP_PORT = 18090;

    /** The figures of one build in one round. */
    record Footprint(String build, int round, int cases, int released, double casesPerSecond,
            double historyVariablesPerReleasedCase, int maxHistoryVariablesOfReleasedCase,
            double runtimeVariablesPerReleasedCase, double bytesPerCase, double statementsPerCase,
            List<Long> deliveryLagsMillis, Idle idle,
            Map<String, Long> bytesByTable, List<String> topStatements) {
    }

    /** What the build does in a minute with no case moving: its statements, jobs run and the commonest statements. */
    record Idle(double statementsPerMinute, double jobsPerMinute, List<String> topStatements) {
    }

    private final BenchmarkOptions options;

    private ProcessFootprintBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new java.util.HashMap<>(Map.of("--a-name", "A", "--b-name", "B",
                "--cases", "600", "--warmup", "200", "--concurrency", "2", "--rounds", "2", "--port", "5434",
                "--out", "target/benchmark/footprint.md", "--a-args", "", "--b-args", ""));
        defaults.put("--idle-seconds", "60");
        BenchmarkOptions options = BenchmarkOptions.parse(args, defaults, "--a", "--b");
        new ProcessFootprintBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Footprint> results = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.number("--port"))
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("max_connections", "100").start()) {
            for (int round = 1; round <= options.number("--rounds"); round++) {
                for (String side : List.of("a", "b")) {
                    if (!options.has("--" + side)) {
                        continue;
                    }
                    String build = options.text("--" + side + "-name");
                    String database = (build + "_" + round).toLowerCase().replaceAll("[^a-z0-9_]", "_");
                    try (Connection admin = postgres.getPostgresDatabase().getConnection();
                            Statement statement = admin.createStatement()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                    String jdbcUrl = "jdbc:postgresql://localhost:%d/%s".formatted(options.number("--port"), database);
                    System.out.printf("round %d: %s on %s%n", round, build, database);
                    results.add(measure(Path.of(options.text("--" + side)), build, round, jdbcUrl,
                            options.text("--" + side + "-args")));
                }
            }
        }
        report(results);
    }

    private Footprint measure(Path jar, String build, int round, String jdbcUrl, String args) throws Exception {
        DeliveryLagReceiver receiver = args.contains("{receiver}") ? new DeliveryLagReceiver() : null;
        List<String> arguments = args.isBlank() ? List.of() : List.of(args.trim()
                .replace("{receiver}", receiver == null ? "" : receiver.url()).split("\\s+"));
        Process app = start(jar, jdbcUrl, build + "-" + round, arguments);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(true);
            String target = "http://localhost:" + APP_PORT;
            BenchmarkClient admin = new BenchmarkClient(target, "admin", "admin");
            BenchmarkClient iceOfficer = new BenchmarkClient(target, "ice-officer", "ice-officer");
            ExecutorService pool = Executors.newFixedThreadPool(options.number("--concurrency"));
            try {
                String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
                drive(admin, iceOfficer, pool, db, "F" + runId + "W", options.number("--warmup"));

                update(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                Map<String, Long> sizesBefore = compactedSizes(db);
                update(db, "SELECT pg_stat_statements_reset()");
                Drive drive = drive(admin, iceOfficer, pool, db, "F" + runId + "M", options.number("--cases"));
                List<Long> lags = List.of();
                if (receiver != null) {
                    waitUntil(db, "SELECT count(*) FROM partner_delivery WHERE delivered_at IS NULL",
                            "deliveries waiting");
                    lags = receiver.lagsOf("BF" + runId + "M");
                }
                long statements = number(db, """
                        SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
                        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())""");
                List<String> topStatements = texts(db, """
                        SELECT to_char(calls::numeric / %d, 'FM9990.0') || ' ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                        FROM pg_stat_statements
                        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                        ORDER BY calls DESC LIMIT 25""".formatted(drive.cases()));
                Map<String, Long> sizesAfter = compactedSizes(db);
                Idle idle = idle(db, options.number("--idle-seconds"));

                Map<String, Long> growth = new LinkedHashMap<>();
                sizesAfter.forEach((table, size) -> growth.put(table, size - sizesBefore.getOrDefault(table, 0L)));
                long bytes = growth.values().stream().mapToLong(Long::longValue).sum();
                return new Footprint(build, round, drive.cases(), drive.released(), drive.casesPerSecond(),
                        drive.historyVariables(), drive.maxHistoryVariables(), drive.runtimeVariables(),
                        (double) bytes / drive.cases(), (double) statements / drive.cases(), lags, idle, growth,
                        topStatements);
            } finally {
                pool.shutdown();
            }
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    /**
     * Counts, over the given seconds with no case moving, every statement the build sends and the jobs its job
     * executor runs (each run deletes its job or, for a timer that comes again, updates it).
     */
    private static Idle idle(Connection db, int seconds) throws Exception {
        if (seconds <= 0) {
            return new Idle(0, 0, List.of());
        }
        update(db, "SELECT pg_stat_statements_reset()");
        Thread.sleep(seconds * 1000L);
        String ofThisDatabase = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND query NOT LIKE '%pg_stat_statements%'";
        double minutes = seconds / 60.0;
        long statements = number(db, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + ofThisDatabase);
        long jobs = number(db, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + ofThisDatabase
                + " AND (query ILIKE 'delete from ACT_RU_JOB %' OR query ILIKE 'update ACT_RU_JOB%DUEDATE_%')");
        List<String> top = texts(db, "SELECT to_char(calls::numeric / " + minutes + ", 'FM9990.0') || ' ' "
                + "|| left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE "
                + ofThisDatabase + " ORDER BY calls DESC LIMIT 8");
        return new Idle(statements / minutes, jobs / minutes, top);
    }

    /** What driving one batch of cases to their ends showed. */
    record Drive(int cases, int released, double casesPerSecond, double runtimeVariables, double historyVariables,
            int maxHistoryVariables) {
    }

    /**
     * Records the batch's apprehensions, works every task, waits for the jobs the last tasks left, reads the
     * variables of the released people while they await their check-in, checks every one of them in and waits
     * until no case of the batch is running.
     */
    private Drive drive(BenchmarkClient admin, BenchmarkClient iceOfficer, ExecutorService pool, Connection db,
            String batch, int cases) throws Exception {
        List<BorderTraffic.Event> events = BorderTrafficBenchmark.eventsFor(batch, cases);
        String caseNumbers = "B" + batch + "%";
        long started = System.nanoTime();
        BorderTrafficBenchmark.inParallel(pool, events.size(),
                i -> admin.post("record-apprehension", "/api/apprehensions", events.get(i).json()));
        BorderTrafficBenchmark.workEveryTask(admin, pool, batch, cases);
        double seconds = (System.nanoTime() - started) / 1e9;
        int people = events.stream().mapToInt(BorderTraffic.Event::persons).sum();
        awaitNoDueJobs(db);

        List<String> released = texts(db, "SELECT case_number FROM custody_case WHERE case_number LIKE '" + caseNumbers
                + "' AND status = 'RELEASED_AWAITING_CHECK_IN'");
        double runtimeVariables = released.isEmpty() ? 0 : (double) number(db, """
                SELECT count(*) FROM act_ru_variable v JOIN act_ru_execution e ON e.id_ = v.proc_inst_id_
                WHERE e.parent_id_ IS NULL AND e.business_key_ LIKE '%s' AND e.business_key_ IN
                  (SELECT case_number FROM custody_case WHERE status = 'RELEASED_AWAITING_CHECK_IN')"""
                .formatted(caseNumbers)) / released.size();
        String reportedAt = OffsetDateTime.now().toString();
        // A child released with a parent is checked in with the parent: its own report, at the same moment, may find
        // it done or the parent's report may find the child's done (409); what still waits is reported again.
        java.util.Queue<String> refused = new java.util.concurrent.ConcurrentLinkedQueue<>();
        BorderTrafficBenchmark.inParallel(pool, released.size(), i -> {
            try {
                return checkIn(iceOfficer, released.get(i), reportedAt);
            } catch (IllegalStateException e) {
                if (e.getMessage().contains(": 409 ")) {
                    return refused.add(released.get(i));
                }
                throw e;
            }
        });
        for (String caseNumber : refused) {
            if (number(db, "SELECT count(*) FROM custody_case WHERE case_number = '" + caseNumber
                    + "' AND status = 'RELEASED_AWAITING_CHECK_IN'") > 0) {
                checkIn(iceOfficer, caseNumber, reportedAt);
            }
        }
        awaitNoRunningCase(db, caseNumbers);
        awaitNoDueJobs(db);

        List<Long> historyVariables = numbers(db, """
                SELECT count(*) FROM act_hi_varinst v JOIN act_hi_procinst p ON p.proc_inst_id_ = v.proc_inst_id_
                WHERE p.business_key_ IN (SELECT case_number FROM custody_case
                  WHERE case_number LIKE '%s' AND status = 'CHECKED_IN')
                GROUP BY p.proc_inst_id_""".formatted(caseNumbers));
        return new Drive(people, released.size(), people / seconds, runtimeVariables,
                historyVariables.stream().mapToLong(Long::longValue).average().orElse(0),
                (int) historyVariables.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static String checkIn(BenchmarkClient iceOfficer, String caseNumber, String reportedAt) throws Exception {
        return iceOfficer.post("check-in", "/api/cases/" + caseNumber + "/check-ins",
                "{\"reportedAt\": \"" + reportedAt + "\", \"office\": \"Houston ERO\"}");
    }

    private static void awaitNoDueJobs(Connection db) throws Exception {
        waitUntil(db, "SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now())",
                "jobs due");
    }

    private static void awaitNoRunningCase(Connection db, String caseNumbers) throws Exception {
        waitUntil(db, "SELECT count(*) FROM act_ru_execution WHERE parent_id_ IS NULL AND business_key_ LIKE '"
                + caseNumbers + "'", "cases running");
    }

    private static void waitUntil(Connection db, String countQuery, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long left;
        while ((left = number(db, countQuery)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left + " " + what + " after 5 minutes");
            }
            Thread.sleep(200);
        }
    }

    /** Every table's size with its indexes and TOAST, after compacting all of them. */
    private static Map<String, Long> compactedSizes(Connection db) throws SQLException {
        update(db, "VACUUM FULL");
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY c.relname""")) {
            while (rows.next()) {
                sizes.put(rows.getString(1).toLowerCase(), rows.getLong(2));
            }
        }
        return sizes;
    }

    private Process start(Path jar, String jdbcUrl, String logName, List<String> arguments) throws Exception {
        Path log = Path.of("target", "benchmark", "footprint-" + logName + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + APP_PORT));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar + " stopped while starting: see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT
                        + "/actuator/health/readiness")).build(), BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException(jar + " did not become ready in 3 minutes: see " + log);
    }

    private void report(List<Footprint> results) throws IOException {
        StringBuilder out = new StringBuilder("# Process footprint\n\n");
        out.append("%s cases per round after %s warm-up cases, concurrency %s, %d processors%n%n".formatted(
                options.text("--cases"), options.text("--warmup"), options.text("--concurrency"),
                Runtime.getRuntime().availableProcessors()));
        out.append("| build | round | cases | released | variables per released case (history, mean / max) "
                + "| variables while awaiting check-in | bytes per case | statements per case | cases/s "
                + "| events delivered | delivery lag p50 / p95 / max ms | idle: statements / jobs per minute |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Footprint f : results) {
            List<Long> lags = f.deliveryLagsMillis();
            String lag = lags.isEmpty() ? "-" : "%.0f / %.0f / %d".formatted(LatencyRecorder.nearestRank(lags, 0.50),
                    LatencyRecorder.nearestRank(lags, 0.95), lags.get(lags.size() - 1));
            out.append("| %s | %d | %d | %d | %.1f / %d | %.1f | %,.0f | %.0f | %.1f | %s | %s | %,.0f / %.0f |%n"
                    .formatted(f.build(),
                    f.round(), f.cases(), f.released(), f.historyVariablesPerReleasedCase(),
                    f.maxHistoryVariablesOfReleasedCase(), f.runtimeVariablesPerReleasedCase(), f.bytesPerCase(),
                    f.statementsPerCase(), f.casesPerSecond(), lags.isEmpty() ? "-" : Integer.toString(lags.size()),
                    lag, f.idle().statementsPerMinute(), f.idle().jobsPerMinute()));
        }
        out.append("\nBytes per case by table (largest first, first round of each build):\n\n");
        for (Footprint f : results.stream().filter(f -> f.round() == 1).toList()) {
            out.append("- ").append(f.build()).append(": ");
            List<String> tables = f.bytesByTable().entrySet().stream()
                    .filter(e -> e.getValue() != 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> "%s %,.0f".formatted(e.getKey(), (double) e.getValue() / f.cases())).toList();
            out.append(String.join(", ", tables)).append("\n");
        }
        out.append("\nStatements per case, the most frequent (first round of each build):\n");
        for (Footprint f : results.stream().filter(f -> f.round() == 1).toList()) {
            out.append("\n").append(f.build()).append(":\n\n```\n");
            f.topStatements().forEach(line -> out.append(line).append("\n"));
            out.append("```\n");
        }
        out.append("\nIdle, statements per minute, the most frequent (first round of each build):\n");
        for (Footprint f : results.stream().filter(f -> f.round() == 1).toList()) {
            out.append("\n").append(f.build()).append(":\n\n```\n");
            f.idle().topStatements().forEach(line -> out.append(line).append("\n"));
            out.append("```\n");
        }
        System.out.println(out);
        Path file = Path.of(options.text("--out"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out);
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long number(Connection db, String sql) throws SQLException {
        List<Long> values = numbers(db, sql);
        return values.isEmpty() ? 0 : values.get(0);
    }

    private static List<Long> numbers(Connection db, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static List<String> texts(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
