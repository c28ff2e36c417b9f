package org.bordercustody.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bordercustody.CustodyApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Need to know at Tasklist's scale on PostgreSQL 17: 10,000 people waiting for their intake across the nine
 * sectors, 1,000 of them in San Diego (SDC), each with one open task of the agents' group, recorded through the case
 * API. Then the first page (15, by due date) of Tasklist's shared filter "My group's tasks by due date" as the San
 * Diego agent ({@code agent}: authorization checks and the tenant check of their one sector), the count Tasklist asks
 * with it, and the same page by a task query as the agent and as the administrator (no authorization or tenant
 * check, all 10,000), one call after the other, after a warm-up.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.TasklistScopeBenchmark</pre>
 *
 * Options: --people (10000), --in-sdc (1000), --calls per measurement (300), --port of PostgreSQL (5437), --data
 * directory (target/benchmark-tasklist-pg, kept: seeding happens once), --revokes (Camunda's
 * authorizationCheckRevokes: auto), --out (target/benchmark/tasklist-scope.md).
 */
public final class TasklistScopeBenchmark {

    private static final int APP_PORT = 18094;
    private static final List<String> OTHER_SECTORS = List.of("ELC", "YUM", "TCA", "EPT", "BBT", "DRT", "LRT", "RGV");
    private static final int PER_APPREHENSION = 50;
    private static final String PAGE = "{\"candidateGroups\": [\"border-patrol-agent\"], \"includeAssignedTasks\": true,"
            + " \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}";

    private final BenchmarkOptions options;
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private TasklistScopeBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.ofEntries(Map.entry("--people", "10000"),
                Map.entry("--in-sdc", "1000"), Map.entry("--calls", "300"), Map.entry("--port", "5437"),
                Map.entry("--data", "target/benchmark-tasklist-pg"), Map.entry("--revokes", "auto"),
                Map.entry("--out", "target/benchmark/tasklist-scope.md")));
        try {
            new TasklistScopeBenchmark(options).run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    void run() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.number("--port"))
                .setDataDirectory(Path.of(options.text("--data")).toAbsolutePath()).setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "512MB").start()) {
            report.append("# Tasklist's first page with need to know, %,d open tasks on PostgreSQL 17%n%n"
                    .formatted(options.number("--people")));
            report.append("Machine: %d cores, %s; %s. authorizationCheckRevokes: %s.%n%n".formatted(
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Instant.now(),
                    options.text("--revokes")));
            String url = "jdbc:postgresql://localhost:%d/postgres".formatted(options.number("--port"));
            ConfigurableApplicationContext app = SpringApplication.run(CustodyApplication.class,
                    "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--server.port=" + APP_PORT, "--custody.partners.ice.webhook-url=",
                    "--custody.partners.orr.webhook-url=", "--custody.partners.simulator.enabled=false",
                    "--camunda.bpm.job-execution.enabled=false",
                    "--camunda.bpm.generic-properties.properties.authorization-check-revokes="
                            + options.text("--revokes"));
            try {
                seed();
                measure();
            } finally {
                app.close();
            }
        }
        Path out = Path.of(options.text("--out"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void seed() throws Exception {
        int people = options.number("--people");
        int inSdc = options.number("--in-sdc");
        int open = json.readTree(call("admin", "GET", "/engine-rest/task/count?candidateGroup=border-patrol-agent",
                null)).get("count").asInt();
        if (open >= people) {
            report.append("%,d open tasks seeded earlier.%n%n".formatted(open));
            return;
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> recorded = new ArrayList<>();
        int events = people / PER_APPREHENSION;
        int sdcEvents = inSdc / PER_APPREHENSION;
        for (int event = 0; event < events; event++) {
            String sector = event < sdcEvents ? "SDC" : OTHER_SECTORS.get(event % OTHER_SECTORS.size());
            String body = apprehension("TLS%05d".formatted(event), sector, event);
            recorded.add(pool.submit(() -> call("admin", "POST", "/api/apprehensions", body)));
        }
        for (Future<?> future : recorded) {
            future.get();
        }
        pool.shutdown();
        report.append(("Recorded %,d people in %d apprehensions of %d through the case API in %.0f s: %,d in SDC,"
                + " the others evenly in %s.%n%n").formatted(people, events, PER_APPREHENSION,
                        (System.nanoTime() - started) / 1e9, inSdc, String.join(", ", OTHER_SECTORS)));
    }

    /** One apprehension of unrelated adults, each of their own name, an hour or more ago. */
    private static String apprehension(String eventNumber, String sector, int event) {
        StringJoiner persons = new StringJoiner(", ");
        for (int person = 0; person < PER_APPREHENSION; person++) {
            persons.add(("{ \"ref\": \"p%d\", \"familyName\": \"Bench%s\", \"givenNames\": \"Person%s\","
                    + " \"dateOfBirth\": \"1990-01-%02d\", \"sex\": \"M\", \"countryOfCitizenship\": \"MX\" }")
                    .formatted(person, letters(event), letters(person), 1 + person % 28));
        }
        String at = Instant.now().minus(1 + event % 40, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return "{ \"eventNumber\": \"%s\", \"apprehendedAt\": \"%s\", \"location\": { \"sector\": \"%s\","
                .formatted(eventNumber, at, sector) + " \"station\": \"%s1\" }, \"persons\": [ %s ] }"
                .formatted(sector, persons);
    }

    /** A number in letters (0 a, 25 z, 26 ba ...): names are letters only. */
    private static String letters(int number) {
        String letters = "";
        int rest = number;
        do {
            letters = (char) ('a' + rest % 26) + letters;
            rest /= 26;
        } while (rest > 0);
        return letters;
    }

    private void measure() throws Exception {
        String filter = json.readTree(call("agent", "GET", "/engine-rest/filter?name="
                + "My%20group's%20tasks%20by%20due%20date", null)).get(0).get("id").asText();
        int agentSees = json.readTree(call("agent", "GET", "/engine-rest/filter/" + filter + "/count", null))
                .get("count").asInt();
        int adminSees = json.readTree(call("admin", "POST", "/engine-rest/task/count", PAGE)).get("count").asInt();
        report.append("The agent's filter holds %,d tasks; the administrator's query %,d.%n%n"
                .formatted(agentSees, adminSees));
        LatencyRecorder latencies = new LatencyRecorder();
        Map<String, String[]> calls = new java.util.LinkedHashMap<>();
        calls.put("1 agent: filter, first page (Tasklist)", new String[] {"agent", "POST",
            "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", "{\"sorting\": [{\"sortBy\":"
                    + " \"dueDate\", \"sortOrder\": \"asc\"}]}"});
        calls.put("2 agent: filter, count (Tasklist)", new String[] {"agent", "GET",
            "/engine-rest/filter/" + filter + "/count", null});
        calls.put("3 agent: task query, first page", new String[] {"agent", "POST",
            "/engine-rest/task?firstResult=0&maxResults=15", PAGE});
        calls.put("4 admin: task query, first page", new String[] {"admin", "POST",
            "/engine-rest/task?firstResult=0&maxResults=15", PAGE});
        calls.put("5 agent: task query, first page as HAL (Tasklist's form)", new String[] {"agent", "GET",
            "/engine-rest/task?candidateGroup=border-patrol-agent&includeAssignedTasks=true&sortBy=dueDate"
                    + "&sortOrder=asc&firstResult=0&maxResults=15&hal", null});
        calls.put("6 admin: task query, first page as HAL (Tasklist's form)", new String[] {"admin", "GET",
            "/engine-rest/task?candidateGroup=border-patrol-agent&includeAssignedTasks=true&sortBy=dueDate"
                    + "&sortOrder=asc&firstResult=0&maxResults=15&hal", null});
        for (var entry : calls.entrySet()) {
            String[] c = entry.getValue();
            for (int warmUp = 0; warmUp < 30; warmUp++) {
                call(c[0], c[1], c[2], c[3]);
            }
        }
        for (int round = 0; round < options.number("--calls"); round++) {
            for (var entry : calls.entrySet()) {
                String[] c = entry.getValue();
                long started = System.nanoTime();
                call(c[0], c[1], c[2], c[3]);
                latencies.record(entry.getKey(), started);
            }
        }
        report.append(LatencyRecorder.markdownTable(latencies.percentilesMillis())).append('\n');
    }

    private String call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT
                        + path.replace("&hal", "")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", path.contains("/list") || path.endsWith("&hal") ? "application/hal+json"
                        : "application/json");
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}
