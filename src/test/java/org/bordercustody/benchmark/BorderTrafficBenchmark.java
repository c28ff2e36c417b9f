package org.bordercustody.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * case reaches its end state. In the same run, against the same application: the bare engine (a one-user-task
 * process started through /engine-rest), so that the ratio between the two is comparable across noisy machines,
 * and timer probes due while the cases are worked, for the timer firing lag. With several concurrency levels
 * ({@code --concurrency 1,2,4,8}) it measures each in turn and can draw throughput and p95 against concurrency.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.BorderTrafficBenchmark \
 *   -Dexec.args="--cases 1000 --concurrency 1,2,4,8 --chart docs/performance-concurrency.png"</pre>
 *
 * Options: --target (http://localhost:8080), --cases per level (1000), --concurrency (8, or a list), --duration
 * seconds of recording per level (no limit), --warmup cases before measuring (200), --timers probes per level
 * (200), --chart PNG path, --user/--password (admin/admin).
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

    /** The figures of one concurrency level. */
    record LevelResult(int concurrency, int cases, int events, int tasks, double bareStartsPerSecond,
            double recordedPerSecond, double casesPerSecond, Map<String, double[]> latencies, List<Long> timerLagsMillis,
            double poolWaitMeanMillis, double poolWaitMaxMillis, double appCpuMillisPerCase,
            double generatorCpuMillisPerCase, double machineBusy) {

        double p95Millis(String callType) {
            double[] percentiles = latencies.get(callType);
            return percentiles == null ? 0 : percentiles[2];
        }

        String latencyTable() {
            return LatencyRecorder.markdownTable(latencies);
        }

        double timerLagPercentile(double quantile) {
            return LatencyRecorder.nearestRank(timerLagsMillis, quantile);
        }
    }

    private final BenchmarkOptions options;
    private final BenchmarkClient client;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    BorderTrafficBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.client = new BenchmarkClient(options.text("--target"), options.text("--user"), options.text("--password"));
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.of("--target", "http://localhost:8080",
                "--cases", "1000", "--concurrency", "8", "--warmup", "200", "--timers", "200", "--duration", "0",
                "--user", "admin", "--password", "admin"), "--chart");
        new BorderTrafficBenchmark(options).run();
    }

    void run() throws Exception {
        client.deploy("benchmark", BARE_PROCESS);
        client.deploy("benchmark-timer-probe", TimerProbes.MODEL);
        List<Integer> levels = Arrays.stream(options.text("--concurrency").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        int warmup = options.number("--warmup");
        if (warmup > 0) {
            System.out.printf("warming up with %d cases%n", warmup);
            runLevel("W", levels.get(levels.size() - 1), warmup, 0);
        }
        List<LevelResult> results = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            System.out.printf("concurrency %d%n", levels.get(i));
            results.add(runLevel(Integer.toString(i), levels.get(i), options.number("--cases"),
                    options.number("--timers")));
        }
        report(results);
    }

    private LevelResult runLevel(String level, int concurrency, int cases, int timers) throws Exception {
        String levelId = runId + level;
        LatencyRecorder latencies = client.newLatencies();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long bareStart = System.nanoTime();
            inParallel(pool, cases, i -> client.post("bare-engine-start",
                    "/engine-rest/process-definition/key/benchmarkBareProcess/start", "{}"));
            double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
            AppMetrics.Snapshot before = AppMetrics.read(client);

            TimerProbes probes = new TimerProbes(client, levelId);
            probes.start(timers, Instant.now().plusSeconds(5), Duration.ofSeconds(Math.max(10, cases / 12)));

            List<BorderTraffic.Event> events = eventsFor(levelId, cases);
            long started = System.nanoTime();
            long durationNanos = (long) options.number("--duration") * 1_000_000_000L;
            AtomicInteger recordedPeople = new AtomicInteger();
            AtomicInteger recordedEvents = new AtomicInteger();
            inParallel(pool, events.size(), i -> {
                if (durationNanos > 0 && System.nanoTime() - started > durationNanos) {
                    return null;
                }
                client.post("record-apprehension", "/api/apprehensions", events.get(i).json());
                recordedPeople.addAndGet(events.get(i).persons());
                return recordedEvents.incrementAndGet();
            });
            double recordingSeconds = (System.nanoTime() - started) / 1e9;
            int tasks = workEveryTask(client, pool, levelId, recordedPeople.get());
            double endToEndSeconds = (System.nanoTime() - started) / 1e9;
            AppMetrics.Snapshot after = AppMetrics.read(client);

            List<Long> lags = probes.lagsMillis(timers, Duration.ofMinutes(5));
            return new LevelResult(concurrency, recordedPeople.get(), recordedEvents.get(), tasks, cases / bareSeconds,
                    recordedPeople.get() / recordingSeconds, recordedPeople.get() / endToEndSeconds,
                    latencies.percentilesMillis(), lags, after.poolWaitMillisSince(before), after.maxSeconds() * 1000,
                    after.appCpuMillisSince(before) / recordedPeople.get(),
                    after.generatorCpuMillisSince(before) / recordedPeople.get(), after.machineBusySince(before));
        } finally {
            pool.shutdown();
        }
    }

    static List<BorderTraffic.Event> eventsFor(String levelId, int cases) {
        BorderTraffic traffic = new BorderTraffic(42, levelId);
        List<BorderTraffic.Event> events = new ArrayList<>();
        int people = 0;
        while (people < cases) {
            BorderTraffic.Event event = traffic.next();
            events.add(event);
            people += event.persons();
        }
        return events;
    }

    /** Completes the open tasks of this level's cases, page by page, until none is left; returns how many. */
    static int workEveryTask(BenchmarkClient client, ExecutorService pool, String levelId, int people)
            throws Exception {
        AtomicInteger completed = new AtomicInteger();
        long lastProgress = System.nanoTime();
        while (true) {
            JsonNode tasks = JSON.readTree(client.get("list-tasks",
                    "/engine-rest/task?processInstanceBusinessKeyLike=B" + levelId + "%25&maxResults=500"));
            if (tasks.isEmpty()) {
                return completed.get();
            }
            List<JsonNode> page = new ArrayList<>();
            tasks.forEach(page::add);
            inParallel(pool, page.size(), i -> {
                JsonNode task = page.get(i);
                String body = TaskAnswers.forTask(task.get("taskDefinitionKey").asText(), task.get("id").asText());
                client.post("complete-task", "/engine-rest/task/" + task.get("id").asText() + "/complete", body);
                return completed.incrementAndGet();
            });
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                System.out.printf("%d cases recorded, %d tasks completed, %d open%n", people, completed.get(), page.size());
                lastProgress = System.nanoTime();
            }
        }
    }

    private void report(List<LevelResult> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Border traffic benchmark, run ").append(runId).append("\n\n");
        out.append("target %s, %s warm-up cases, %d timer probes per level, %d processors%n%n".formatted(
                client.target(), options.text("--warmup"), options.number("--timers"),
                Runtime.getRuntime().availableProcessors()));
        out.append("| concurrency | cases | tasks | cases/s end to end | recorded cases/s | bare starts/s | ratio "
                + "| p95 record ms | p95 complete ms | timer lag p50 ms | timer lag p95 ms | timer lag max ms "
                + "| pool wait mean ms | pool wait max ms | app CPU ms per case | generator CPU ms per case "
                + "| machine busy |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LevelResult r : results) {
            out.append(("| %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.0f | %.0f | %.0f "
                    + "| %.2f | %.1f | %.1f | %.1f | %.0f%% |%n").formatted(
                    r.concurrency(), r.cases(), r.tasks(), r.casesPerSecond(), r.recordedPerSecond(),
                    r.bareStartsPerSecond(), r.recordedPerSecond() / r.bareStartsPerSecond(),
                    r.p95Millis("record-apprehension"), r.p95Millis("complete-task"), r.timerLagPercentile(0.5),
                    r.timerLagPercentile(0.95), r.timerLagPercentile(1.0), r.poolWaitMeanMillis(), r.poolWaitMaxMillis(), r.appCpuMillisPerCase(), r.generatorCpuMillisPerCase(),
                    100 * r.machineBusy()));
        }
        for (LevelResult r : results) {
            out.append("%n## Concurrency %d: %d cases in %d events, %d timers fired%n%n".formatted(r.concurrency(),
                    r.cases(), r.events(), r.timerLagsMillis().size()));
            out.append(r.latencyTable());
        }
        System.out.println(out);
        Path file = Path.of("target", "benchmark", "results-" + runId + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        if (options.has("--chart")) {
            ConcurrencyChart.write(Path.of(options.text("--chart")), "Border traffic against " + client.target(),
                    results);
            System.out.println("chart: " + options.text("--chart"));
        }
    }

    interface Call {
        Object run(int index) throws Exception;
    }

    static void inParallel(ExecutorService pool, int count, Call call) throws Exception {
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
                        "familyRelationshipVerified", true, "samePersonAsEarlier", "ANOTHER_PERSON");
                case "Task_EstablishFamilyStatus" -> Map.of("dateOfBirth", "1990-01-01", "dateOfBirthEstimated", true,
                        "familyRelationshipVerified", true, "familyFactsSource", "interview");
                case "Task_ApproveCustodyOutcome" -> Map.of("approveProposal", "true");
                case "Task_RecordIntendedAddress" -> Map.of("addressStreet", (100 + Math.abs(taskId.hashCode() % 9000))
                        + " Main St", "addressBuildingType", "SINGLE_UNIT", "addressCity", "Houston", "addressState", "TX",
                        "addressZip", "77002");
                case "Task_ReviewRecurringAddress" -> Map.of("recurringAddressAccepted", "true",
                        "recurringAddressNotes", "shelter");
                case "Task_IssueReleaseDocuments" -> Map.of("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-1",
                        "familyMember1DocumentNumber", "A-2", "familyMember2DocumentNumber", "A-3",
                        "familyMember3DocumentNumber", "A-4", "familyMember4DocumentNumber", "A-5");
                case "Task_PrepareIceTransfer" -> Map.of("iceFacility", "PISPC", "transferRecord", "none");
                case "Task_AcceptIceTransfer" -> Map.of("iceBookInNumber", "B-1");
                case "Task_RecordRemoval" -> Map.of("departurePort", "Hidalgo");
                case "Task_NotifyHhsOfChild" -> Map.of("hhsReferralId", "UC-1");
                case "Task_ScreenContiguousCountryChild" -> Map.of("screeningOutcome", "REFER_TO_ORR",
                        "screeningNotes", "fear claimed");
                case "Task_DesignateOrrPlacement" -> Map.of("orrFacility", "ORR-SH-TX-01", "orrPlacementType", "SHELTER");
                case "Task_ConfirmTransferToOrr" -> Map.of("orrReceivedBy", "ORR staff");
                case "Task_DecideFamilyCustodyOutcome" -> Map.of("iceFamilyOutcome", "REMOVAL",
                        "iceFamilyOutcomeReason", "final order");
                case "Task_ReviewApproachingCustodyLimit" -> Map.of("custodyReviewAction", "moving the case");
                case "Task_LocatePerson" -> Map.of("locateOutcome", "LOCATED_AND_SCHEDULED", "locateNotes", "found");
                default -> Map.of("overdueCause", "PROCESSING_BACKLOG", "overdueAction", "escalated");
            };
            return answers.entrySet().stream()
                    .map(entry -> "\"" + entry.getKey() + "\": {\"value\": " + (entry.getValue() instanceof String text
                            ? "\"" + text + "\"" : entry.getValue()) + "}")
                    .collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
        }
    }
}
