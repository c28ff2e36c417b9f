package org.bordercustody.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The monitored population: up to 300,000 released people waiting for their ICE check-in in PostgreSQL, then
 * the calls people make while it is there, and a burst of check-in timers falling due at the same instant.
 * <ol>
 * <li>Seeds the population if the database holds fewer cases (see {@link CheckInPopulationSeeder}); their
 * check-ins fall due evenly over the next 59 days, none during the run.</li>
 * <li>Measures, as an ICE officer: the group's task list in Tasklist (first page of the shared filter "My
 * group's tasks by due date", with its variables, as Tasklist asks for it) and {@code GET /api/cases/{n}} for
 * random cases of the population.</li>
 * <li>Seeds the burst: more people whose check-in falls due at one instant, a few minutes ahead; waits until the
 * application has fired all their timers (each records the missed check-in and opens "Locate person" for ICE)
 * and reports when the last one fired and the lag of each.</li>
 * <li>Measures the calls again, now that ICE's list holds the burst's tasks.</li>
 * </ol>
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.CheckInPopulationBenchmark \
 *   -Dexec.args="--cases 300000 --burst 10000"</pre>
 */
public final class CheckInPopulationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK_LIST_FILTER = "My group's tasks by due date";

    private final BenchmarkOptions options;
    private final StringBuilder report = new StringBuilder();

    private CheckInPopulationBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.ofEntries(
                Map.entry("--target", "http://localhost:8080"),
                Map.entry("--jdbc-url", "jdbc:postgresql://localhost:5433/postgres"), Map.entry("--db-user", "postgres"),
                Map.entry("--db-password", ""), Map.entry("--history", "audit"), Map.entry("--cases", "300000"),
                Map.entry("--burst", "10000"), Map.entry("--burst-in", "120"), Map.entry("--threads", "3"),
                Map.entry("--calls", "500"), Map.entry("--user", "ice-officer"), Map.entry("--password", "ice-officer")));
        new CheckInPopulationBenchmark(options).run();
    }

    void run() throws Exception {
        BenchmarkClient client = new BenchmarkClient(options.text("--target"), options.text("--user"),
                options.text("--password"));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(options.text("--jdbc-url"),
                options.text("--db-user"), options.text("--db-password")));
        int population = options.number("--cases");
        int burst = options.number("--burst");
        try (CheckInPopulationSeeder seeder = new CheckInPopulationSeeder(options.text("--jdbc-url"),
                options.text("--db-user"), options.text("--db-password"), options.text("--history"))) {
            int seeded = seeder.seeded();
            if (seeded < population) {
                Instant now = Instant.now();
                long window = Duration.ofDays(59).toMinutes();
                long started = System.nanoTime();
                seeder.seed(seeded, population, options.number("--threads"),
                        n -> now.plus(Duration.ofHours(1)).plus(Duration.ofMinutes((n * 7919L) % window)));
                report.append("Seeded %d cases in %.0f s.%n%n".formatted(population - seeded,
                        (System.nanoTime() - started) / 1e9));
            }
            report.append("Population: %d cases awaiting check-in; %d process instances; %d jobs.%n%n".formatted(
                    jdbc.queryForObject("SELECT count(*) FROM custody_case WHERE status = 'RELEASED_AWAITING_CHECK_IN'",
                            Integer.class),
                    jdbc.queryForObject("SELECT count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_", Integer.class),
                    jdbc.queryForObject("SELECT count(*) FROM act_ru_job", Integer.class)));

            measureCalls(client, "before the burst", population);
            if (burst > 0) {
                int from = seeder.seeded();
                Instant dueAt = Instant.now().plusSeconds(options.number("--burst-in"));
                seeder.seed(from, from + burst, options.number("--threads"), n -> dueAt);
                waitForBurst(jdbc, from, burst, dueAt);
                measureCalls(client, "after the burst", population);
            }
        }
        System.out.println(report);
        Path file = Path.of("target", "benchmark", "check-in-population-" + Instant.now().getEpochSecond() + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private void measureCalls(BenchmarkClient client, String when, int population) throws Exception {
        String filterId = JSON.readTree(client.get("find-filter", "/engine-rest/filter?name="
                + URLEncoder.encode(TASK_LIST_FILTER, StandardCharsets.UTF_8))).get(0).get("id").asText();
        int openTasks = JSON.readTree(client.post("count", "/engine-rest/filter/" + filterId + "/count", "{}"))
                .get("count").asInt();
        LatencyRecorder latencies = client.newLatencies();
        Random random = new Random(7);
        for (int i = 0; i < options.number("--calls"); i++) {
            client.postHal("task-list-first-page", "/engine-rest/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15", "{}");
            String caseNumber = CheckInPopulationSeeder.CASE_PREFIX + "%09d".formatted(random.nextInt(population))
                    + "-01";
            client.get("get-case", "/api/cases/" + caseNumber);
        }
        report.append("## Calls %s (%d tasks in the ICE officer's list)%n%n".formatted(when, openTasks));
        report.append(LatencyRecorder.markdownTable(latencies.percentilesMillis()));
        report.append('\n');
        System.out.print(report);
    }

    private void waitForBurst(JdbcTemplate jdbc, int from, int burst, Instant dueAt) throws Exception {
        String first = CheckInPopulationSeeder.CASE_PREFIX + "%09d".formatted(from);
        String last = CheckInPopulationSeeder.CASE_PREFIX + "%09d".formatted(from + burst);
        String burstCases = "case_number >= ? AND case_number < ? AND clock = 'CHECK_IN'";
        System.out.printf("%d check-ins due at %s%n", burst, dueAt);
        Instant giveUp = dueAt.plus(Duration.ofMinutes(15));
        int fired = 0;
        while (fired < burst && Instant.now().isBefore(giveUp)) {
            Thread.sleep(5000);
            fired = jdbc.queryForObject("SELECT count(*) FROM custody_breach WHERE " + burstCases, Integer.class,
                    first, last);
            System.out.printf("%d of %d check-in timers fired%n", fired, burst);
        }
        List<Long> lags = jdbc.queryForList("SELECT recorded_at FROM custody_breach WHERE " + burstCases
                + " ORDER BY recorded_at", Timestamp.class, first, last).stream()
                .map(at -> at.toInstant().toEpochMilli() - dueAt.toEpochMilli()).toList();
        report.append("## Burst: %d check-ins due at the same instant%n%n".formatted(burst));
        report.append("%d fired; last one %.1f s after the due instant; lag p50 %.1f s, p95 %.1f s.%n%n".formatted(
                lags.size(), LatencyRecorder.nearestRank(lags, 1.0) / 1000.0,
                LatencyRecorder.nearestRank(lags, 0.5) / 1000.0, LatencyRecorder.nearestRank(lags, 0.95) / 1000.0));
        System.out.print(report);
    }
}
