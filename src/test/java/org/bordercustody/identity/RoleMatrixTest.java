package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role, and anonymous callers, against every case API endpoint and the engine REST calls the web apps
 * make: allowed (the one success answer the endpoint documents, called on a case in the state where the call
 * succeeds), forbidden (403; 404 where a case must not be known to exist) or unauthenticated (401). A call that
 * changes a case gets a case of its own per cell, ready for it, so that a refusal is refused where it would
 * otherwise succeed. The engine rows follow the allow-list of access/EngineAccessPolicy.
 */
@CustodyApplicationTest
class RoleMatrixTest {

    static final String ADULT = "MTX0001-01";
    static final String CHILD = "MTX0002-02";
    /** The roles of people who work cases; the privacy officer reads the read log and nothing else. */
    static final List<String> PEOPLE_AT_WORK =
            List.of("admin", "agent", "supervisor", "ice-officer", "orr-liaison", "manager");
    /**
     * The Rio Grande Valley's agent and supervisor, beside San Diego's who work the matrix's cases: what their groups
     * allow them reaches another sector's case as a missing one (404), the rest as for their San Diego colleagues.
     */
    static final Map<String, String> OF_ANOTHER_SECTOR = Map.of("agent-rgv", "agent", "supervisor-rgv", "supervisor");
    static final List<String> ROLES = java.util.stream.Stream.of(PEOPLE_AT_WORK.stream(),
            java.util.stream.Stream.of("privacy-officer"), OF_ANOTHER_SECTOR.keySet().stream().sorted())
            .flatMap(roles -> roles).toList();
    static final AtomicInteger EVENTS = new AtomicInteger(100);
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    static boolean casesRecorded;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    static final Set<String> OPERATIONS_READERS = Set.of("admin", "manager");

    /** Brings a case of the given event number to the state a call succeeds in; answers its case number. */
    interface Ready {

        String caseOf(Journeys journeys, ApiClient agent, String eventNumber);
    }

    /** A call, its one success answer, and the state of a case of its own it needs ({case} in path and body). */
    record Call(String method, String path, String body, int success, Ready ready) {

        Call(String method, String path, String body, int success) {
            this(method, path, body, success, null);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Arguments> matrix() {
        String apprehension = "${APPREHENSION}";
        String checkIn = "{ \"reportedAt\": \"${NOW}\", \"office\": \"Houston ERO\" }";
        String placement = "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\" }";
        String bookIn = "{ \"facility\": \"PISPC\", \"bookInNumber\": \"B-${EVENT}\", \"familyCustody\": false }";
        String processStart = "{ \"businessKey\": \"{case}\", \"variables\": {"
                + " \"caseSector\": {\"value\": \"SDC\", \"type\": \"String\"},"
                + " \"intakeDue\": {\"value\": \"${IN_ONE_DAY}\", \"type\": \"Date\"},"
                + " \"custodyWarningAt\": {\"value\": \"${IN_ONE_DAY}\", \"type\": \"Date\"},"
                + " \"custodyDeadline\": {\"value\": \"${IN_ONE_DAY}\", \"type\": \"Date\"} } }";
        Ready recorded = (journeys, agent, event) -> {
            ApiClient.Response response = agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult(event));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            return event + "-01";
        };
        Ready released = (journeys, agent, event) -> journeys.releasedAdult(event);
        Ready handedToIce = (journeys, agent, event) -> journeys.adultAwaitingIce(event);
        Ready awaitingPlacement = (journeys, agent, event) -> journeys.childAwaitingPlacement(event);
        Ready separated = (journeys, agent, event) -> journeys.separatedChild(event);
        Ready linkedByFin = (journeys, agent, event) -> {
            String earlier = journeys.releasedAdult(event);
            String again = ApprehensionFixtures.singleAdult(event + "A");
            String fin = finIn(ApprehensionFixtures.singleAdult(earlier.substring(0, earlier.length() - 3)));
            ApiClient.Response response = agent.post("/api/apprehensions", again.replace(finIn(again), fin));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json().get("cases").get(0).get("priorEncounters")).as("linked by the FIN").hasSize(1);
            return event + "A-01";
        };
        Object[][] rows = {
            // call, roles allowed
            {new Call("POST", "/api/apprehensions", apprehension, 201), Set.of("admin", "agent", "supervisor")},
            {new Call("GET", "/api/cases/" + ADULT, null, 200),
                Set.of("admin", "agent", "supervisor", "ice-officer", "manager")},
            {new Call("GET", "/api/cases/" + ADULT + "/timeline", null, 200),
                Set.of("admin", "agent", "supervisor", "ice-officer", "manager")},
            {new Call("GET", "/api/cases/" + ADULT + "/family", null, 200),
                Set.of("admin", "agent", "supervisor", "ice-officer", "manager")},
            {new Call("GET", "/api/cases/" + CHILD + "/family", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/api/cases/" + CHILD, null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/api/cases/" + CHILD + "/timeline", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/api/people?name=Ramirez", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/api/facilities?kind=ICE_FAMILY_RESIDENTIAL_CENTER", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("POST", "/api/cases/{case}/check-ins", checkIn, 201, released), Set.of("ice-officer")},
            {new Call("POST", "/api/cases/{case}/ice-book-in", bookIn, 201, handedToIce), Set.of("ice-officer")},
            {new Call("POST", "/api/cases/{case}/orr-placement", placement, 202, awaitingPlacement),
                Set.of("admin", "orr-liaison")},
            {new Call("POST", "/api/cases/{case}/person-link/undo", "{\"reason\": \"another man\"}", 200,
                    linkedByFin), Set.of("supervisor")},
            {new Call("POST", "/api/cases/{case}/family/reunification",
                    "{\"parentCaseNumber\": \"${PARENT}\", \"note\": \"together again\"}", 201, separated),
                Set.of("supervisor", "orr-liaison")},
            {new Call("POST", "/api/admin/process-migrations", "", 200), Set.of("admin")},
            {new Call("GET", "/api/reports/custody-metrics?from=2026-11-01&to=2026-11-30", null, 200),
                Set.of("admin", "supervisor", "manager")},
            {new Call("GET", "/api/reports/custody-metrics?from=2026-11-01&to=2026-11-30&by=station", null, 200),
                Set.of("admin", "supervisor", "manager")},
            {new Call("GET", "/api/reports/breaches?from=2026-11-01&to=2026-11-30", null, 200),
                Set.of("admin", "supervisor", "manager")},
            {new Call("GET", "/api/reports/custody-now", null, 200), Set.of("admin", "supervisor", "manager")},
            {new Call("GET", "/engine-rest/task", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/engine-rest/task/count", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/engine-rest/filter?resourceType=Task", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/engine-rest/process-definition", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/engine-rest/user", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/engine-rest/process-instance", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/history/process-instance/count", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/history/activity-instance", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/variable-instance?variableName=personName", null, 200), Set.copyOf(PEOPLE_AT_WORK)},
            {new Call("GET", "/engine-rest/job", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/incident", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/deployment", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/decision-definition", null, 200), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/authorization", null, 200), Set.of("admin")},
            {new Call("POST", "/engine-rest/process-definition/key/migrantCustody/start", processStart, 200, recorded),
                Set.of("admin")},
            {new Call("POST", "/engine-rest/filter/create",
                    "{\"resourceType\": \"Task\", \"name\": \"matrix\", \"query\": {}}", 200), Set.of("admin")},
            {new Call("POST", "/engine-rest/user/create",
                    "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}", 204),
                Set.of("admin")},
            {new Call("POST", "/engine-rest/group/create", "{\"id\": \"matrix-group\", \"name\": \"x\"}", 204),
                Set.of("admin")},
            {new Call("POST", "/engine-rest/authorization/create",
                    "{\"type\": 1, \"permissions\": [\"ACCESS\"], \"userId\": \"matrix-probe\", \"resourceType\": 0, \"resourceId\": \"admin\"}",
                    200), Set.of("admin")},
            {new Call("GET", "/actuator/prometheus", null, 200), Set.of("admin", "manager")},
            {new Call("GET", "/api/cases/" + ADULT + "/reads", null, 200), Set.of("privacy-officer")},
            {new Call("GET", "/api/cases/" + CHILD + "/reads", null, 200), Set.of("privacy-officer")},
            {new Call("GET", "/api/users/agent/reads", null, 200), Set.of("privacy-officer")},
        };
        List<Arguments> arguments = new ArrayList<>();
        for (Object[] row : rows) {
            Call call = (Call) row[0];
            @SuppressWarnings("unchecked")
            Set<String> allowed = (Set<String>) row[1];
            for (String role : ROLES) {
                arguments.add(Arguments.of(call, role, allowed.contains(OF_ANOTHER_SECTOR.getOrDefault(role, role))));
            }
            arguments.add(Arguments.of(call, "anonymous", false));
        }
        return arguments;
    }

    private static String finIn(String apprehension) {
        return apprehension.replaceAll("(?s).*\"fin\": \"([0-9]+)\".*", "$1");
    }

    @BeforeEach
    void recordCases() {
        if (!casesRecorded) {
            ApiClient agent = ApiClient.as(port, "agent");
            assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("MTX0001")).status()).isEqualTo(201);
            assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.childWithAunt("MTX0002")).status()).isEqualTo(201);
            TasklistClient tasks = new TasklistClient(agent);
            tasks.completeIntake("MTX0002-01", false);
            tasks.completeIntake("MTX0002-02", false);
            casesRecorded = true;
        }
    }

    @ParameterizedTest(name = "{1} {0}: allowed {2}")
    @MethodSource("matrix")
    void everyRoleGetsWhatItsWorkNeedsAndNothingMore(Call call, String role, boolean allowed) {
        ApiClient client = role.equals("anonymous") ? ApiClient.anonymous(port) : ApiClient.as(port, role);
        String event = "MTX%04d".formatted(EVENTS.getAndIncrement());
        String caseNumber = call.ready() == null ? null
                : call.ready().caseOf(new Journeys(port), ApiClient.as(port, "agent"), event);
        String path = caseNumber == null ? call.path() : call.path().replace("{case}", caseNumber);
        String body = call.body() == null ? null : call.body()
                .replace("{case}", String.valueOf(caseNumber))
                .replace("${APPREHENSION}", ApprehensionFixtures.singleAdult(event, ApprehensionFixtures.hoursAgo(1)))
                .replace("${EVENT}", event)
                .replace("${PARENT}", String.valueOf(caseNumber).replaceAll("-02$", "-01"))
                .replace("${NOW}", ApprehensionFixtures.hoursAgo(0))
                .replace("${IN_ONE_DAY}", ENGINE_DATE.format(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        String timelineBefore = caseNumber == null ? null : timelineOf(caseNumber);
        ApiClient.Response response = call.method().equals("GET") ? client.get(path) : client.post(path, body);

        boolean ofAnotherSector = OF_ANOTHER_SECTOR.containsKey(role);
        if (role.equals("anonymous")) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
        } else if (allowed && ofAnotherSector && (caseNumber != null || call.path().startsWith("/api/cases/"))) {
            assertThat(response.status()).as("San Diego's case is not known to exist in the Valley: " + response.body())
                    .isEqualTo(404);
            if (caseNumber != null) {
                assertThat(timelineOf(caseNumber)).as("nothing happened to the case").isEqualTo(timelineBefore);
            }
        } else if (allowed && ofAnotherSector && call.path().equals("/api/apprehensions")) {
            assertThat(response.status()).as("an apprehension in San Diego: " + response.body()).isEqualTo(400);
            assertThat(response.json().get("field").asText()).isEqualTo("location.sector");
        } else if (allowed) {
            assertThat(response.status()).as(response.body()).isEqualTo(call.success());
        } else if (role.equals("orr-liaison") && call.method().equals("GET") && call.path().startsWith("/api/cases/" + ADULT)
                && !call.path().endsWith("/reads")) {
            assertThat(response.status()).as("an adult's case is not known to exist for ORR: " + response.body())
                    .isEqualTo(404);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
    }

    private String timelineOf(String caseNumber) {
        return ApiClient.as(port, "admin").get("/api/cases/" + caseNumber + "/timeline").body();
    }

    @Test
    void anAgentNeitherSeesNorCompletesAnIceTask() {
        new Journeys(port).adultAwaitingIce("MTX0004");
        ApiClient agent = ApiClient.as(port, "agent");
        TasklistClient agentTasks = new TasklistClient(agent);
        String iceTask = taskService.createTaskQuery().processInstanceBusinessKey("MTX0004-01").singleResult().getId();

        assertThat(agent.get("/engine-rest/task?processInstanceBusinessKey=MTX0004-01").json()).isEmpty();
        assertThat(agent.get("/engine-rest/task/" + iceTask).status()).as("a task the agent may not read is not there")
                .isEqualTo(404);
        assertThat(agentTasks.completeTask(iceTask, Map.of("iceBookInNumber", "B-1")).status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(iceTask).count()).as("still open").isEqualTo(1);
        assertThat(ApiClient.as(port, "ice-officer").get("/engine-rest/task/" + iceTask).status()).isEqualTo(200);
    }

    @Test
    void onlyASupervisorSeesAndWorksTheFollowUpOfABreachAfterTheCaseEnded() {
        Journeys journeys = new Journeys(port);
        String caseNumber = journeys.adultAfterIntake("MTX0005");
        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(72))));
        try {
            String custody = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .singleResult().getId();
            managementService.createJobQuery().processInstanceId(custody).executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
            journeys.release(caseNumber);
        } finally {
            ClockUtil.reset();
        }
        String followUp = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ResolveCustodyLimitBreach").singleResult().getId();
        Map<String, Object> explanation = Map.of("overdueCause", "PROCESSING_BACKLOG", "overdueAction", "extra shift");

        for (String other : List.of("agent", "ice-officer", "orr-liaison")) {
            ApiClient client = ApiClient.as(port, other);
            assertThat(client.get("/engine-rest/task/" + followUp).status()).as(other).isEqualTo(404);
            assertThat(new TasklistClient(client).completeTask(followUp, explanation).status()).as(other).isEqualTo(403);
        }
        assertThat(new TasklistClient(ApiClient.as(port, "manager")).completeTask(followUp, explanation).status())
                .as("the manager reads, never works").isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(followUp).count()).as("still open").isEqualTo(1);
        assertThat(new TasklistClient(ApiClient.as(port, "supervisor")).completeTask(followUp, explanation).status())
                .isEqualTo(204);
    }
}
