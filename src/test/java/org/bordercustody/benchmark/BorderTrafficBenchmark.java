package org.bordercustody.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Replays border traffic against a running application over HTTP, as partner systems and Tasklist would:
 * records apprehensions in the FY2021 mix, then works every user task through Camunda's REST API until each
 * case reaches its end state; in the same run it starts a one-user-task process through /engine-rest, the
 * bare engine, so that the ratio between the two is comparable across noisy machines.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.BorderTrafficBenchmark -Dexec.args="--cases 1000 --concurrency 8"</pre>
 */
public final class BorderTrafficBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BARE_PROCESS = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="benchmark">
              <process id="benchmarkBareProcess" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="StartEvent_Bare" />
                <sequenceFlow id="Flow_BareToTask" sourceRef="StartEvent_Bare" targetRef="Task_Bare" />
                <userTask id="Task_Bare" name="Bare task" camunda:candidateGroups="camunda-admin" />
              </process>
            </definitions>""";

    private final String target;
    private final int cases;
    private final int concurrency;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final LatencyRecorder latencies = new LatencyRecorder();

    BorderTrafficBenchmark(String target, int cases, int concurrency, String user, String password) {
        this.target = target;
        this.cases = cases;
        this.concurrency = concurrency;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--target", "http://localhost:8080", "--cases", "1000",
                "--concurrency", "8", "--user", "admin", "--password", "admin"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new BorderTrafficBenchmark(options.get("--target"), Integer.parseInt(options.get("--cases")),
                Integer.parseInt(options.get("--concurrency")), options.get("--user"), options.get("--password")).run();
    }

    void run() throws Exception {
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        deployBareProcess();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);

        long bareStart = System.nanoTime();
        inParallel(pool, cases, i -> call("bare-engine-start", "POST",
                "/engine-rest/process-definition/key/benchmarkBareProcess/start", "{}"));
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;

        BorderTraffic traffic = new BorderTraffic(42, runId);
        List<BorderTraffic.Event> events = new ArrayList<>();
        int people = 0;
        while (people < cases) {
            BorderTraffic.Event event = traffic.next();
            events.add(event);
            people += event.persons();
        }
        long started = System.nanoTime();
        inParallel(pool, events.size(), i -> call("record-apprehension", "POST", "/api/apprehensions",
                events.get(i).json()));
        double apprehensionSeconds = (System.nanoTime() - started) / 1e9;

        AtomicInteger completed = new AtomicInteger();
        long lastProgress = System.nanoTime();
        while (true) {
            JsonNode tasks = JSON.readTree(call("list-tasks", "GET", "/engine-rest/task?processInstanceBusinessKeyLike=B"
                    + runId + "%25&maxResults=500", null));
            if (tasks.isEmpty()) {
                break;
            }
            List<JsonNode> batch = new ArrayList<>();
            tasks.forEach(batch::add);
            inParallel(pool, batch.size(), i -> {
                JsonNode task = batch.get(i);
                String body = TaskAnswers.forTask(task.get("taskDefinitionKey").asText(), task.get("id").asText());
                call("complete-task", "POST", "/engine-rest/task/" + task.get("id").asText() + "/complete", body);
                completed.incrementAndGet();
                return null;
            });
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                System.out.printf("%d cases recorded, %d tasks completed, %d open%n", people, completed.get(), batch.size());
                lastProgress = System.nanoTime();
            }
        }
        double endToEndSeconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        report(runId, people, events.size(), bareSeconds, apprehensionSeconds, endToEndSeconds, completed.get());
    }

    private void report(String runId, int people, int events, double bareSeconds, double apprehensionSeconds,
            double endToEndSeconds, int tasks) throws IOException {
        double bareRate = cases / bareSeconds;
        double apprehensionRate = people / apprehensionSeconds;
        StringBuilder out = new StringBuilder();
        out.append("# Border traffic benchmark, run ").append(runId).append("\n\n");
        out.append("target %s, %d cases in %d events, concurrency %d, %d tasks completed%n%n"
                .formatted(target, people, events, concurrency, tasks));
        out.append("| figure | value |\n|---|---|\n");
        out.append("| cases end to end per second | %.1f |%n".formatted(people / endToEndSeconds));
        out.append("| cases recorded per second (POST /api/apprehensions) | %.1f |%n".formatted(apprehensionRate));
        out.append("| bare engine starts per second (/engine-rest) | %.1f |%n".formatted(bareRate));
        out.append("| cases recorded / bare engine starts | %.2f |%n%n".formatted(apprehensionRate / bareRate));
        out.append("| call | count | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        latencies.percentilesMillis().forEach((type, p) -> out.append("| %s | %.0f | %.1f | %.1f | %.1f |%n"
                .formatted(type, p[0], p[1], p[2], p[3])));
        System.out.println(out);
        Path results = Path.of("target", "benchmark", "results-" + runId + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, out);
    }

    private void deployBareProcess() throws Exception {
        String boundary = "benchmark";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbenchmark\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bare.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + BARE_PROCESS + "\r\n--" + boundary + "--\r\n";
        var response = http.send(HttpRequest.newBuilder(URI.create(target + "/engine-rest/deployment/create"))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot deploy the bare process: " + response.body());
        }
    }

    private String call(String type, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(60));
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
        long start = System.nanoTime();
        var response = http.send(request.build(), BodyHandlers.ofString());
        latencies.record(type, start);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(type + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    interface Call {
        Object run(int index) throws Exception;
    }

    private static void inParallel(ExecutorService pool, int count, Call call) throws Exception {
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> call.run(index)));
        }
        for (Future<Object> future : futures) {
            future.get();
        }
    }

    /** What a user would answer in each task's form. */
    static final class TaskAnswers {

        static String forTask(String taskDefinitionKey, String taskId) {
            Map<String, Object> answers = switch (taskDefinitionKey) {
                case "Task_RecordIntake" -> Map.of("biometricsStatus", "CAPTURED", "recordsCheckResult", "CLEAR",
                        "medicalScreening", "NO_CONCERNS", "processingPathway", "NTA_OR", "flightRisk", "LOW",
                        "familyRelationshipVerified", true);
                case "Task_EstablishFamilyStatus" -> Map.of("dateOfBirth", "1990-01-01", "dateOfBirthEstimated", true,
                        "familyRelationshipVerified", true, "familyFactsSource", "interview");
                case "Task_ApproveCustodyOutcome" -> Map.of("approveProposal", "true");
                case "Task_RecordIntendedAddress" -> Map.of("addressStreet", (100 + Math.abs(taskId.hashCode() % 9000))
                        + " Main St", "addressBuildingType", "SINGLE_UNIT", "addressCity", "Houston", "addressState", "TX",
                        "addressZip", "77002");
                case "Task_ReviewRecurringAddress" -> Map.of("recurringAddressAccepted", "true",
                        "recurringAddressNotes", "shelter");
                case "Task_IssueReleaseDocuments" -> Map.of("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-1");
                case "Task_PrepareIceTransfer" -> Map.of("iceFacility", "Port Isabel", "transferRecord", "none");
                case "Task_AcceptIceTransfer" -> Map.of("iceBookInNumber", "B-1");
                case "Task_RecordRemoval" -> Map.of("departurePort", "Hidalgo");
                case "Task_NotifyHhsOfChild" -> Map.of("hhsReferralId", "UC-1");
                case "Task_ScreenContiguousCountryChild" -> Map.of("screeningOutcome", "REFER_TO_ORR",
                        "screeningNotes", "fear claimed");
                case "Task_DesignateOrrPlacement" -> Map.of("orrFacility", "Casa", "orrPlacementType", "SHELTER");
                case "Task_ConfirmTransferToOrr" -> Map.of("orrReceivedBy", "ORR staff");
                case "Task_DecideFamilyCustodyOutcome" -> Map.of("iceFamilyOutcome", "REMOVAL",
                        "iceFamilyOutcomeReason", "final order");
                case "Task_ReviewApproachingCustodyLimit" -> Map.of("custodyReviewAction", "moving the case");
                case "Task_LocatePerson" -> Map.of("locateOutcome", "LOCATED_AND_SCHEDULED", "locateNotes", "found");
                default -> Map.of("overdueCause", "load", "overdueAction", "escalated");
            };
            return answers.entrySet().stream()
                    .map(entry -> "\"" + entry.getKey() + "\": {\"value\": " + (entry.getValue() instanceof String text
                            ? "\"" + text + "\"" : entry.getValue()) + "}")
                    .collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
        }
    }
}
