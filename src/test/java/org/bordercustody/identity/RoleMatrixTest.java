package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role, and anonymous callers, against every case API endpoint and the engine REST calls the web apps
 * make: allowed (any answer but 401 and 403), forbidden (403; 404 where a case must not be known to exist) or
 * unauthenticated (401). The engine rows follow the allow-list of access/EngineAccessPolicy.
 */
@CustodyApplicationTest
class RoleMatrixTest {

    static final String ADULT = "MTX0001-01";
    static final String CHILD = "MTX0002-02";
    static final List<String> ROLES = List.of("admin", "agent", "supervisor", "ice-officer", "orr-liaison", "manager");
    static boolean casesRecorded;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    static final Set<String> OPERATIONS_READERS = Set.of("admin", "manager");

    record Call(String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Arguments> matrix() {
        String apprehension = ApprehensionFixtures.singleAdult("MTX0003", "2026-11-01T00:00:00Z")
                .replace("2026-11-01T00:00:00Z", "${NOW}");
        String checkIn = "{ \"reportedAt\": \"2026-11-25T10:00:00Z\", \"office\": \"Houston ERO\" }";
        String placement = "{ \"facility\": \"Casa Esperanza\", \"placementType\": \"SHELTER\" }";
        Object[][] rows = {
            // call, roles allowed
            {new Call("POST", "/api/apprehensions", apprehension), Set.of("admin", "agent", "supervisor")},
            {new Call("GET", "/api/cases/" + ADULT, null), Set.of("admin", "agent", "supervisor", "ice-officer", "manager")},
            {new Call("GET", "/api/cases/" + ADULT + "/timeline", null),
                Set.of("admin", "agent", "supervisor", "ice-officer", "manager")},
            {new Call("GET", "/api/cases/" + CHILD, null), Set.copyOf(ROLES)},
            {new Call("GET", "/api/cases/" + CHILD + "/timeline", null), Set.copyOf(ROLES)},
            {new Call("POST", "/api/cases/" + ADULT + "/check-ins", checkIn), Set.of("ice-officer")},
            {new Call("POST", "/api/cases/" + CHILD + "/orr-placement", placement), Set.of("admin", "orr-liaison")},
            {new Call("GET", "/api/reports/custody-metrics?from=2026-11-01&to=2026-11-30", null),
                Set.of("admin", "supervisor", "manager")},
            {new Call("GET", "/api/reports/custody-now", null), Set.of("admin", "supervisor", "manager")},
            {new Call("GET", "/engine-rest/task", null), Set.copyOf(ROLES)},
            {new Call("GET", "/engine-rest/task/count", null), Set.copyOf(ROLES)},
            {new Call("GET", "/engine-rest/filter?resourceType=Task", null), Set.copyOf(ROLES)},
            {new Call("GET", "/engine-rest/process-definition", null), Set.copyOf(ROLES)},
            {new Call("GET", "/engine-rest/user", null), Set.copyOf(ROLES)},
            {new Call("GET", "/engine-rest/process-instance", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/history/process-instance/count", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/history/activity-instance", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/variable-instance?variableName=personName", null), Set.copyOf(ROLES)},
            {new Call("GET", "/engine-rest/job", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/incident", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/deployment", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/decision-definition", null), OPERATIONS_READERS},
            {new Call("GET", "/engine-rest/authorization", null), Set.of("admin")},
            {new Call("POST", "/engine-rest/process-definition/key/migrantCustody/start", "{}"), Set.of("admin")},
            {new Call("POST", "/engine-rest/filter/create",
                    "{\"resourceType\": \"Task\", \"name\": \"matrix\", \"query\": {}}"), Set.of("admin")},
            {new Call("POST", "/engine-rest/user/create",
                    "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}"), Set.of("admin")},
            {new Call("POST", "/engine-rest/group/create", "{\"id\": \"matrix-group\", \"name\": \"x\"}"),
                Set.of("admin")},
            {new Call("POST", "/engine-rest/authorization/create",
                    "{\"type\": 1, \"permissions\": [\"ACCESS\"], \"userId\": \"matrix-probe\", \"resourceType\": 0, \"resourceId\": \"admin\"}"),
                Set.of("admin")},
            {new Call("GET", "/actuator/prometheus", null), Set.of("admin", "manager")},
        };
        List<Arguments> arguments = new ArrayList<>();
        for (Object[] row : rows) {
            Call call = (Call) row[0];
            @SuppressWarnings("unchecked")
            Set<String> allowed = (Set<String>) row[1];
            for (String role : ROLES) {
                arguments.add(Arguments.of(call, role, allowed.contains(role)));
            }
            arguments.add(Arguments.of(call, "anonymous", false));
        }
        return arguments;
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
        String body = call.body() == null ? null
                : call.body().replace("${NOW}", ApprehensionFixtures.hoursAgo(1));
        ApiClient.Response response = call.method().equals("GET") ? client.get(call.path()) : client.post(call.path(), body);

        if (role.equals("anonymous")) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
        } else if (allowed) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403);
        } else if (role.equals("orr-liaison") && call.method().equals("GET") && call.path().startsWith("/api/cases/" + ADULT)) {
            assertThat(response.status()).as("an adult's case is not known to exist for ORR: " + response.body())
                    .isEqualTo(404);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
    }

    @Test
    void anAgentNeitherSeesNorCompletesAnIceTask() {
        new Journeys(port).adultAwaitingIce("MTX0004");
        ApiClient agent = ApiClient.as(port, "agent");
        TasklistClient agentTasks = new TasklistClient(agent);
        String iceTask = taskService.createTaskQuery().processInstanceBusinessKey("MTX0004-01").singleResult().getId();

        assertThat(agent.get("/engine-rest/task?processInstanceBusinessKey=MTX0004-01").json()).isEmpty();
        assertThat(agent.get("/engine-rest/task/" + iceTask).status()).isIn(403, 404);
        assertThat(agentTasks.completeTask(iceTask, Map.of("iceBookInNumber", "B-1")).status()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(iceTask).count()).as("still open").isEqualTo(1);
        assertThat(ApiClient.as(port, "ice-officer").get("/engine-rest/task/" + iceTask).status()).isEqualTo(200);
    }
}
