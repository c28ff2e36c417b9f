package org.bordercustody.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bordercustody.CustodyApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Inspector General's report over a year of FY2021 encounters on PostgreSQL 17: 1,700,000 cases written directly
 * into a database the application's migrations created (one person each, apprehended evenly over 1 October 2020 to 30
 * September 2021 in 9 sectors and 36 stations; 45% released with an address, one in twenty of those with a ZIP code
 * not of its state and one in twenty without an address; 40% removed, 10% to ICE, 5% to ORR; hours in custody from 0
 * to 96, those past 72 with their breach; check-ins on time, late or missed). Then, as a manager, the year's report
 * without rows, by sector, by station and by month, and by month as CSV, each timed over several runs after a warm-up.
 * The data directory is kept between runs: seeding happens once.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.CustodyReportBenchmark -Dexec.args="--cases 1700000"</pre>
 *
 * Options: --cases (1700000), --runs per request (5), --port of PostgreSQL (5436), --data directory
 * (target/benchmark-report-pg), --out (target/benchmark/custody-report.md).
 */
public final class CustodyReportBenchmark {

    private static final int APP_PORT = 18093;
    private static final String YEAR = "from=2020-10-01&to=2021-09-30";

    private final BenchmarkOptions options;
    private final StringBuilder report = new StringBuilder();

    private CustodyReportBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.ofEntries(Map.entry("--cases", "1700000"),
                Map.entry("--runs", "5"), Map.entry("--port", "5436"), Map.entry("--data", "target/benchmark-report-pg"),
                Map.entry("--out", "target/benchmark/custody-report.md")));
        new CustodyReportBenchmark(options).run();
        System.exit(0);
    }

    void run() throws Exception {
        int cases = options.number("--cases");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.number("--port"))
                .setDataDirectory(Path.of(options.text("--data")).toAbsolutePath()).setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("maintenance_work_mem", "512MB").setServerConfig("work_mem", "64MB").start()) {
            report.append("# The Inspector General's report over %,d cases on PostgreSQL 17%n%n".formatted(cases));
            report.append("Machine: %d cores, %s; %s.%n%n".formatted(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), Instant.now()));
            String url = "jdbc:postgresql://localhost:%d/postgres".formatted(options.number("--port"));
            ConfigurableApplicationContext app = SpringApplication.run(CustodyApplication.class,
                    "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--server.port=" + APP_PORT, "--custody.partners.ice.webhook-url=",
                    "--custody.partners.orr.webhook-url=", "--custody.partners.simulator.enabled=false",
                    "--camunda.bpm.job-execution.enabled=false");
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                seed(db, cases);
                for (String[] request : new String[][] {{"the year", ""}, {"by sector", "&by=sector"},
                    {"by station", "&by=station"}, {"by month", "&by=month"}, {"by month, CSV", "&by=month"}}) {
                    time(request[0], "/api/reports/custody-metrics?" + YEAR + request[1], request[0].endsWith("CSV"));
                }
            } finally {
                app.close();
            }
        }
        Path out = Path.of(options.text("--out"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void seed(Connection db, int cases) throws Exception {
        long seeded = count(db, "SELECT count(*) FROM custody_case WHERE event_number LIKE 'RPT%'");
        if (seeded >= cases) {
            report.append("%,d cases seeded earlier.%n%n".formatted(seeded));
            return;
        }
        long started = System.nanoTime();
        execute(db, "DELETE FROM custody_breach WHERE case_number LIKE 'RPT%'");
        execute(db, "DELETE FROM release_address WHERE case_number LIKE 'RPT%'");
        execute(db, "DELETE FROM custody_case WHERE event_number LIKE 'RPT%'");
        execute(db, "DELETE FROM apprehension_event WHERE event_number LIKE 'RPT%'");
        String total = Integer.toString(cases);
        execute(db, """
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                    request_fingerprint, recorded_at, recorded_by)
                SELECT 'RPT' || g, TIMESTAMPTZ '2020-10-01 00:00:00+00' + (g * (31536000.0 / %1$s)) * INTERVAL '1 second',
                       '-06:00', s.sector, s.sector || (g %% 4), repeat('0', 64), now(), 'benchmark'
                  FROM generate_series(1, %1$s) g,
                       LATERAL (SELECT (ARRAY['SDC','ELC','YUM','TCA','EPT','BBT','DRT','LRT','RGV'])[1 + g %% 9]
                                AS sector) s""".formatted(total));
        execute(db, "INSERT INTO person (person_id, created_at) SELECT md5('RPT' || g)::uuid, now()"
                + " FROM generate_series(1, " + total + ") g ON CONFLICT DO NOTHING");
        // g % 20: 0-8 released (45%), 9-16 removed (40%), 17-18 to ICE (10%), 19 a child to ORR (5%).
        execute(db, """
                INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names, sex,
                       country_of_citizenship, classification, status, custody_deadline, apprehended_at,
                       left_cbp_custody_at, released_at, check_in_due_by, checked_in_at, removed_at, ice_book_in_at,
                       intake_completed_at, person_id, sector, station, cbp_custody_tenths)
                SELECT e.event_number || '-01', e.event_number, 'p1', 'Benchmark', 'Person', 'M', 'MX',
                       CASE WHEN g %% 20 = 19 THEN 'UNACCOMPANIED_CHILD' WHEN g %% 97 = 0 THEN 'UNDETERMINED'
                            ELSE 'SINGLE_ADULT' END,
                       CASE WHEN g %% 20 <= 8 THEN 'CHECKED_IN' WHEN g %% 20 <= 16 THEN 'REMOVED'
                            WHEN g %% 20 <= 18 THEN 'TRANSFERRED_TO_ICE' ELSE 'TRANSFERRED_TO_ORR' END,
                       e.apprehended_at + INTERVAL '72 hours', e.apprehended_at, l.left_at,
                       CASE WHEN g %% 20 <= 8 THEN l.left_at END,
                       CASE WHEN g %% 20 <= 8 THEN l.left_at + INTERVAL '60 days' END,
                       CASE WHEN g %% 20 <= 8 AND g %% 10 < 7 THEN l.left_at + (g %% 59) * INTERVAL '1 day'
                            WHEN g %% 20 <= 8 AND g %% 10 = 7 THEN l.left_at + INTERVAL '65 days' END,
                       CASE WHEN g %% 20 BETWEEN 9 AND 16 THEN l.left_at END,
                       CASE WHEN g %% 20 IN (17, 18) THEN l.left_at END,
                       e.apprehended_at + INTERVAL '2 hours', md5('RPT' || g)::uuid, e.sector, e.station,
                       (g %% 97) * 10 + (g %% 60) / 6
                  FROM generate_series(1, %1$s) g JOIN apprehension_event e ON e.event_number = 'RPT' || g,
                       LATERAL (SELECT e.apprehended_at + (g %% 97) * INTERVAL '1 hour' + (g %% 60) * INTERVAL '1 minute'
                                AS left_at) l""".formatted(total));
        execute(db, """
                INSERT INTO release_address (case_number, street, city, state, zip, building_type, address_key,
                       recorded_at)
                SELECT c.case_number, '1208 Maple Ave', 'Dallas', 'TX', CASE WHEN n %% 20 = 1 THEN '99999' ELSE '75201' END,
                       'SINGLE_UNIT', c.case_number, c.released_at
                  FROM (SELECT case_number, released_at, row_number() OVER (ORDER BY case_number) AS n
                          FROM custody_case WHERE event_number LIKE 'RPT%%' AND released_at IS NOT NULL) c
                 WHERE n %% 20 <> 2""".formatted());
        execute(db, "UPDATE custody_case c SET release_address_valid = (a.zip = '75201') FROM release_address a"
                + " WHERE a.case_number = c.case_number AND c.event_number LIKE 'RPT%'");
        execute(db, """
                INSERT INTO custody_breach (case_number, clock, due_at, recorded_at)
                SELECT case_number, 'CBP_HOLDING_LIMIT', custody_deadline, custody_deadline FROM custody_case
                 WHERE event_number LIKE 'RPT%' AND left_cbp_custody_at > custody_deadline""");
        execute(db, "VACUUM ANALYZE");
        report.append("Seeded %,d cases in %.0f s (%s).%n%n".formatted(cases, (System.nanoTime() - started) / 1e9,
                sizes(db)));
    }

    private void time(String name, String path, boolean csv) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", csv ? "text/csv" : "application/json").GET().build();
        HttpResponse<String> warmUp = http.send(request, BodyHandlers.ofString());
        if (warmUp.statusCode() != 200) {
            throw new IllegalStateException(name + ": " + warmUp.statusCode() + " " + warmUp.body());
        }
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < options.number("--runs"); run++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
            seconds.add((System.nanoTime() - started) / 1e9);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode());
            }
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (report.indexOf("| request |") < 0) {
            report.append("| request | runs | median s | slowest s | answer |\n|---|---|---|---|---|\n");
        }
        report.append("| %s | %d | %.2f | %.2f | %s |%n".formatted(name, sorted.length, sorted[sorted.length / 2],
                sorted[sorted.length - 1], summary(warmUp.body(), csv)));
    }

    private static String summary(String body, boolean csv) {
        if (csv) {
            return "%d lines, %,d bytes".formatted(body.split("\n").length, body.getBytes(StandardCharsets.UTF_8).length);
        }
        int at = body.indexOf("\"apprehended\":");
        return "%,d bytes; %s".formatted(body.length(), body.substring(at, Math.min(body.length(), at + 60))
                .replace("|", "/"));
    }

    private static String sizes(Connection db) throws Exception {
        List<String> sizes = new ArrayList<>();
        for (String table : Arrays.asList("custody_case", "apprehension_event", "release_address", "custody_breach")) {
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))")) {
                rows.next();
                sizes.add(table + " " + rows.getString(1));
            }
        }
        return String.join(", ", sizes);
    }

    private static void execute(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
