package org.bordercustody.benchmark;

import static org.bordercustody.custody.ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.ReleaseFollowUpProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with released people waiting for their 60-day ICE check-in, as the application leaves
 * them: each seeded case is a copy of one real released case (its rows in the case tables, its timeline, its
 * process variables) with its own case number, name and dates, and its process instance is started by the
 * engine itself at "Check-in or deadline?", so the check-in timer and message subscription are the engine's own.
 * The custody history before the release (Camunda's history of the earlier tasks) is not copied.
 */
final class CheckInPopulationSeeder implements AutoCloseable {

    static final String CASE_PREFIX = "MON";
    private static final int CHUNK = 200;
    private static final int STARTS_PER_TRANSACTION = 25;

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    private final ProcessEngine engine;
    private final Template template;

    CheckInPopulationSeeder(String jdbcUrl, String user, String password, String historyLevel) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(8);
        jdbc = new JdbcTemplate(dataSource);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("false");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(historyLevel);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setProcessEngineName("checkInPopulation");
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        engine = configuration.buildProcessEngine();
        template = Template.read(jdbc, engine);
    }

    /** Cases of the population already in the database. */
    int seeded() {
        return jdbc.queryForObject("SELECT count(*) FROM custody_case WHERE case_number LIKE '" + CASE_PREFIX + "%'",
                Integer.class);
    }

    /**
     * Seeds cases numbered {@code from} to {@code to - 1}; the check-in of each falls due at the instant
     * {@code dueBy} gives for its number.
     */
    void seed(int from, int to, int threads, IntFunction<Instant> dueBy) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> chunks = new ArrayList<>();
        for (int first = from; first < to; first += CHUNK) {
            int start = first;
            int end = Math.min(to, first + CHUNK);
            chunks.add(pool.submit(() -> {
                seedChunk(start, end, dueBy);
                int total = done.addAndGet(end - start);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%d of %d cases seeded, %.0f per second%n", total, to - from, total / seconds);
                return null;
            }));
        }
        try {
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void seedChunk(int from, int to, IntFunction<Instant> dueBy) {
        List<SeededCase> cases = new ArrayList<>();
        for (int n = from; n < to; n++) {
            cases.add(new SeededCase(n, dueBy.apply(n), template.checkIn()));
        }
        template.insertRows(jdbc, cases);
        // A few starts per transaction: the starts inside the command join it and its inserts go out in batches;
        // more would not help, the engine sorts a flush's inserts in quadratic time.
        for (int first = 0; first < cases.size(); first += STARTS_PER_TRANSACTION) {
            List<SeededCase> starts = cases.subList(first, Math.min(cases.size(), first + STARTS_PER_TRANSACTION));
            configuration.getCommandExecutorTxRequired().execute(commandContext -> {
                for (SeededCase seeded : starts) {
                    engine.getRuntimeService().createProcessInstanceByKey(ReleaseFollowUpProcess.KEY)
                            .businessKey(seeded.caseNumber())
                            .setVariables(template.variablesFor(seeded))
                            .startBeforeActivity(GATEWAY_CHECK_IN_OR_DEADLINE)
                            .execute();
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    /** One seeded person: number, name, and the instants of the case, counted back from the check-in due date. */
    record SeededCase(int number, Instant checkInDueBy, Duration checkInWindow) {

        String eventNumber() {
            return CASE_PREFIX + "%09d".formatted(number);
        }

        String caseNumber() {
            return eventNumber() + "-01";
        }

        String familyName() {
            return "Seeded" + Integer.toString(number, 36).toUpperCase();
        }

        Instant releasedAt() {
            return checkInDueBy.minus(checkInWindow);
        }

        Instant apprehendedAt() {
            return releasedAt().minus(Duration.ofHours(30));
        }
    }

    /** The real released case every seeded case copies. */
    private record Template(String caseNumber, Map<String, Object> caseRow, Map<String, Object> eventRow,
            Map<String, Object> addressRow, List<Map<String, Object>> timeline, VariableMap variables,
            Duration checkIn) {

        static Template read(JdbcTemplate jdbc, ProcessEngine engine) {
            Execution waiting = engine.getRuntimeService().createExecutionQuery()
                    .activityId(GATEWAY_CHECK_IN_OR_DEADLINE).processDefinitionKey(ReleaseFollowUpProcess.KEY)
                    .listPage(0, 1).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no released case waits for its check-in yet: run "
                            + "BorderTrafficBenchmark once against this database first"));
            String processInstanceId = waiting.getProcessInstanceId();
            String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult().getBusinessKey();
            Map<String, Object> caseRow = jdbc.queryForMap("SELECT * FROM custody_case WHERE case_number = ?",
                    caseNumber);
            Map<String, Object> eventRow = jdbc.queryForMap("SELECT * FROM apprehension_event WHERE event_number = ?",
                    caseRow.get("event_number"));
            Map<String, Object> addressRow = jdbc.queryForMap("SELECT * FROM release_address WHERE case_number = ?",
                    caseNumber);
            List<Map<String, Object>> timeline = jdbc.queryForList(
                    "SELECT occurred_at, type, description, actor FROM case_event WHERE case_number = ? ORDER BY id",
                    caseNumber);
            Instant released = ((Timestamp) caseRow.get("released_at")).toInstant();
            Instant due = ((Timestamp) caseRow.get("check_in_due_by")).toInstant();
            return new Template(caseNumber, caseRow, eventRow, addressRow, timeline,
                    engine.getRuntimeService().getVariablesTyped(processInstanceId, true),
                    Duration.between(released, due));
        }

        void insertRows(JdbcTemplate jdbc, List<SeededCase> cases) {
            Instant templateReleased = ((Timestamp) caseRow.get("released_at")).toInstant();
            insert(jdbc, "apprehension_event", cases.stream().map(c -> with(eventRow, Map.of(
                    "event_number", c.eventNumber(),
                    "apprehended_at", Timestamp.from(c.apprehendedAt()),
                    "recorded_at", Timestamp.from(c.apprehendedAt().plus(Duration.ofMinutes(20)))))).toList());
            // Each seeded case is a person of their own, found by the names it recorded.
            Map<String, java.util.UUID> personOf = new LinkedHashMap<>();
            cases.forEach(c -> personOf.put(c.caseNumber(), java.util.UUID.randomUUID()));
            insert(jdbc, "person", cases.stream().map(c -> Map.<String, Object>of(
                    "person_id", personOf.get(c.caseNumber()),
                    "created_at", Timestamp.from(c.apprehendedAt()))).toList());
            insert(jdbc, "custody_case", cases.stream().map(c -> with(caseRow, Map.of(
                    "person_id", personOf.get(c.caseNumber()),
                    "case_number", c.caseNumber(),
                    "event_number", c.eventNumber(),
                    "family_name", c.familyName(),
                    "custody_deadline", Timestamp.from(c.apprehendedAt().plus(Duration.ofHours(72))),
                    "intake_completed_at", Timestamp.from(c.apprehendedAt().plus(Duration.ofHours(2))),
                    "left_cbp_custody_at", Timestamp.from(c.releasedAt()),
                    "released_at", Timestamp.from(c.releasedAt()),
                    "check_in_due_by", Timestamp.from(c.checkInDueBy())))).toList());
            insert(jdbc, "encounter_name_key", cases.stream().flatMap(c -> org.bordercustody.person.PersonName
                    .of(c.familyName(), (String) caseRow.get("given_names")).searchKeys().stream()
                    .map(key -> Map.<String, Object>of("name_key", key, "case_number", c.caseNumber()))).toList());
            insert(jdbc, "release_address", cases.stream().map(c -> with(addressRow, Map.of(
                    "case_number", c.caseNumber(),
                    "street", (100 + c.number() % 9000) + " Main St",
                    "address_key", "seeded-" + c.number(),
                    "recorded_at", Timestamp.from(c.releasedAt())))).toList());
            List<Map<String, Object>> events = new ArrayList<>();
            for (SeededCase c : cases) {
                Duration shift = Duration.between(templateReleased, c.releasedAt());
                for (Map<String, Object> entry : timeline) {
                    events.add(with(entry, Map.of("case_number", c.caseNumber(),
                            "occurred_at", Timestamp.from(((Timestamp) entry.get("occurred_at")).toInstant().plus(shift)))));
                }
            }
            insert(jdbc, "case_event", events);
        }

        VariableMap variablesFor(SeededCase seeded) {
            VariableMap copy = Variables.fromMap(variables);
            copy.putValue(CustodyProcess.Variables.CHECK_IN_DUE_BY, Date.from(seeded.checkInDueBy()));
            return copy;
        }

        private static Map<String, Object> with(Map<String, Object> row, Map<String, Object> changes) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.putAll(changes);
            return copy;
        }

        private static void insert(JdbcTemplate jdbc, String table, List<Map<String, Object>> rows) {
            if (rows.isEmpty()) {
                return;
            }
            List<String> columns = new ArrayList<>(rows.get(0).keySet());
            columns.remove("id");
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
            jdbc.batchUpdate(sql, rows.stream().map(row -> columns.stream().map(row::get).toArray()).toList());
        }
    }
}
