package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.bordercustody.custody.CaseTenants;
import org.bordercustody.reporting.ReportFixtures;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Need to know by sector: an agent or supervisor sees and works only the cases and tasks of their own sector, on
 * every path (the case API, {@code /engine-rest}, Tasklist's {@code /camunda/api}); another sector's case or task
 * answers exactly as a missing one and nothing about it changes; the scope moves with a person moved to another
 * sector's station.
 */
@CustodyApplicationTest
class SectorScopeTest {

    static final String SAN_DIEGO = "SCP0001-01";
    static final String RIO_GRANDE = "SCP0002-01";
    static final String MISSING = "SCP0999-01";
    static final String NO_SUCH_TASK = "00000000-0000-0000-0000-000000000000";
    static boolean recorded;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseTenants caseTenants;

    @BeforeEach
    void recordOnePersonInEachSector() {
        if (recorded) {
            return;
        }
        assertThat(as("agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("SCP0001")).status())
                .isEqualTo(201);
        assertThat(as("agent-rgv").post("/api/apprehensions", ApprehensionFixtures.inRioGrandeValley(
                ApprehensionFixtures.singleAdult("SCP0002"))).status()).isEqualTo(201);
        recorded = true;
    }

    ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    @Test
    void theProcessesOfACaseRunInTheTenantOfItsSector() {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(SAN_DIEGO).singleResult()
                .getTenantId()).isEqualTo("SDC");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(RIO_GRANDE).singleResult()
                .getTenantId()).isEqualTo("RGV");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(RIO_GRANDE).singleResult().getTenantId())
                .isEqualTo("RGV");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/timeline", "/family"})
    void anAgentReadsTheCasesOfTheirSectorAndAnotherSectorsCaseAnswersAsAMissingOne(String part) {
        assertThat(as("agent").get("/api/cases/" + SAN_DIEGO + part).status()).isEqualTo(200);
        assertThat(as("agent-rgv").get("/api/cases/" + RIO_GRANDE + part).status()).isEqualTo(200);
        for (String manager : List.of("manager", "ice-officer", "admin")) {
            assertThat(as(manager).get("/api/cases/" + RIO_GRANDE + part).status()).as(manager).isEqualTo(200);
            assertThat(as(manager).get("/api/cases/" + SAN_DIEGO + part).status()).as(manager).isEqualTo(200);
        }
        assertSameAsMissing(as("agent").get("/api/cases/" + RIO_GRANDE + part), RIO_GRANDE,
                as("agent").get("/api/cases/" + MISSING + part), MISSING);
        assertSameAsMissing(as("supervisor-rgv").get("/api/cases/" + SAN_DIEGO + part), SAN_DIEGO,
                as("supervisor-rgv").get("/api/cases/" + MISSING + part), MISSING);
    }

    @Test
    void anAgentsTaskListCountsAndCardsHoldTheirSectorOnly() {
        assertThat(as("agent").get("/engine-rest/task?processInstanceBusinessKey=" + RIO_GRANDE).json()).isEmpty();
        assertThat(as("agent").get("/engine-rest/task/count?processInstanceBusinessKey=" + RIO_GRANDE).json()
                .get("count").asInt()).isZero();
        assertThat(as("agent").get("/engine-rest/task?processInstanceBusinessKey=" + SAN_DIEGO).json()).hasSize(1);
        assertThat(as("agent-rgv").get("/engine-rest/task?processInstanceBusinessKey=" + RIO_GRANDE).json()).hasSize(1);
        assertThat(as("agent-rgv").get("/engine-rest/task?processInstanceBusinessKey=" + SAN_DIEGO).json()).isEmpty();

        ApiClient tasklist = ApiClient.anonymous(port);
        assertThat(tasklist.webappLogin("tasklist", "agent", "agent").status()).isEqualTo(200);
        String csrf = tasklist.webappCsrfToken();
        assertThat(tasklist.send("GET", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                + RIO_GRANDE, null, null, false, Map.of("X-XSRF-TOKEN", csrf)).json()).isEmpty();
        assertThat(tasklist.send("GET", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                + SAN_DIEGO, null, null, false, Map.of("X-XSRF-TOKEN", csrf)).json()).hasSize(1);
    }

    /** Each engine call the web apps make on a task by its id: what the agent gets for another sector's task. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /engine-rest/task/{id}", "GET /engine-rest/task/{id}/form-variables",
        "GET /engine-rest/task/{id}/variables", "GET /engine-rest/task/{id}/form", "GET /engine-rest/task/{id}/rendered-form",
        "GET /engine-rest/task/{id}/identity-links", "GET /engine-rest/task/{id}/comment",
        "GET /engine-rest/task/{id}/attachment", "POST /engine-rest/task/{id}/claim",
        "POST /engine-rest/task/{id}/complete", "POST /engine-rest/task/{id}/submit-form",
        "POST /engine-rest/task/{id}/assignee", "PUT /engine-rest/task/{id}/variables/note",
        "GET /api/tasks/{id}/card"})
    void anotherSectorsTaskByIdAnswersAsAMissingOneAndNothingChanges(String call) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(RIO_GRANDE).singleResult();
        String method = call.substring(0, call.indexOf(' '));
        String path = call.substring(call.indexOf(' ') + 1);
        String body = switch (method) {
            case "POST" -> path.endsWith("claim") || path.endsWith("assignee") ? "{\"userId\": \"agent\"}"
                    : "{\"variables\": {}}";
            case "PUT" -> "{\"value\": \"seen\", \"type\": \"String\"}";
            default -> null;
        };
        ApiClient agent = as("agent");
        ApiClient.Response other = agent.send(method, path.replace("{id}", task.getId()),
                body == null ? null : "application/json", body == null ? null : body.getBytes(), false, Map.of());
        ApiClient.Response missing = agent.send(method, path.replace("{id}", NO_SUCH_TASK),
                body == null ? null : "application/json", body == null ? null : body.getBytes(), false, Map.of());

        assertSameAsMissing(other, task.getId(), missing, NO_SUCH_TASK);
        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getAssignee()).as("nobody claimed it").isNull();
        assertThat(taskService.getVariable(task.getId(), "note")).as("no variable set").isNull();
    }

    @Test
    void theSearchForPeopleFindsThoseOfTheCallersSectorOnly() {
        String query = "/api/people?name=Ramirez%20Jose";
        assertThat(casesIn(as("agent").get(query))).contains(SAN_DIEGO).doesNotContain(RIO_GRANDE);
        assertThat(casesIn(as("agent-rgv").get(query))).contains(RIO_GRANDE).doesNotContain(SAN_DIEGO);
        assertThat(casesIn(as("manager").get(query))).contains(SAN_DIEGO, RIO_GRANDE);
    }

    private static List<String> casesIn(ApiClient.Response found) {
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().findValuesAsText("caseNumber");
    }

    @Test
    void anAgentRecordsApprehensionsOfTheirOwnSectorOnlyAndAnUnknownSectorIsRefused() {
        ApiClient.Response elsewhere = as("agent").post("/api/apprehensions",
                ApprehensionFixtures.inRioGrandeValley(ApprehensionFixtures.singleAdult("SCP0003")));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("location.sector", "not a sector of yours (SDC)");
        ApiClient.Response unknown = as("admin").post("/api/apprehensions", ApprehensionFixtures.singleAdult("SCP0004")
                .replace("\"sector\": \"SDC\"", "\"sector\": \"XYZ\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("location.sector", "not a Border Patrol sector");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM apprehension_event WHERE event_number IN ('SCP0003', 'SCP0004')")
                .query(Integer.class).single()).as("nothing recorded").isZero();
    }

    @Test
    void aSupervisorsListOfMissedDeadlinesNamesThePeopleOfTheirSectorOnly() {
        ReportFixtures fixtures = new ReportFixtures(jdbc);
        fixtures.seed("SCPB001", "SDC", "CHU", "2025-03-02T10:00:00Z", "2025-03-06T10:00:00Z", "REMOVED");
        fixtures.breach("SCPB001", "CBP_HOLDING_LIMIT", "2025-03-05T10:00:00Z");
        fixtures.seed("SCPB002", "RGV", "MCA", "2025-03-02T10:00:00Z", "2025-03-06T10:00:00Z", "REMOVED");
        fixtures.breach("SCPB002", "CBP_HOLDING_LIMIT", "2025-03-05T10:00:00Z");
        String period = "/api/reports/breaches?from=2025-03-01&to=2025-03-31";

        assertThat(as("supervisor").get(period).json().findValuesAsText("caseNumber")).containsExactly("SCPB001-01");
        assertThat(as("supervisor-rgv").get(period).json().findValuesAsText("caseNumber"))
                .containsExactly("SCPB002-01");
        assertThat(as("supervisor").get(period).json().get("total").asLong()).isEqualTo(1);
        assertThat(as("manager").get(period).json().findValuesAsText("caseNumber"))
                .containsExactlyInAnyOrder("SCPB001-01", "SCPB002-01");
    }

    @Test
    void aUserWithoutASectorSeesNoCaseAndNoTask() {
        if (identityService.createUserQuery().userId("agent-nowhere").count() == 0) {
            var user = identityService.newUser("agent-nowhere");
            user.setPassword("agent-nowhere");
            identityService.saveUser(user);
            identityService.createMembership("agent-nowhere", CustodyGroups.BORDER_PATROL_AGENT);
        }
        ApiClient nowhere = as("agent-nowhere");
        assertThat(nowhere.get("/api/cases/" + SAN_DIEGO).status()).isEqualTo(404);
        assertThat(nowhere.get("/engine-rest/task/count").json().get("count").asInt()).isZero();
        assertThat(nowhere.get("/api/people?name=Ramirez%20Jose").json().findValuesAsText("caseNumber")).isEmpty();
    }

    @Test
    void aPersonMovedToAnotherSectorsStationIsSeenByThatSectorFromThenOn() {
        assertThat(as("agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("SCP0005")).status())
                .isEqualTo(201);
        String moved = "SCP0005-01";
        ApiClient.Response refused = as("agent-rgv").post("/api/cases/" + moved + "/custody-location",
                "{\"station\": \"MCA\", \"reason\": \"overcrowding\"}");
        assertThat(refused.status()).as("another sector cannot move the person").isEqualTo(404);
        ApiClient.Response noReason = as("agent").post("/api/cases/" + moved + "/custody-location",
                "{\"station\": \"MCA\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(as("agent").get("/api/cases/" + moved).json().get("sector").asText()).isEqualTo("SDC");

        ApiClient.Response move = as("agent").post("/api/cases/" + moved + "/custody-location",
                "{\"station\": \"MCA\", \"reason\": \"Chula Vista is over capacity\"}");
        assertThat(move.status()).as(move.body()).isEqualTo(200);
        assertThat(move.json().get("sector").asText()).isEqualTo("RGV");

        assertThat(as("agent").get("/api/cases/" + moved).status()).isEqualTo(404);
        assertThat(as("agent").get("/engine-rest/task?processInstanceBusinessKey=" + moved).json()).isEmpty();
        ApiClient.Response seen = as("agent-rgv").get("/api/cases/" + moved);
        assertThat(seen.json().get("station").asText()).isEqualTo("MCA");
        assertThat(as("agent-rgv").get("/api/cases/" + moved + "/timeline").body())
                .contains("Moved from station CHU, sector SDC to McAllen Station, sector RGV: Chula Vista is over capacity");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(moved).singleResult()
                .getTenantId()).isEqualTo("RGV");
        assertThat(rowsOutsideSector(moved, "RGV")).as("every row of the case's process moved").isZero();
        new TasklistClient(as("agent-rgv")).completeIntake(moved, true);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(moved).list())
                .allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo("RGV"));
    }

    @Test
    void theProcessesOfCasesRecordedBeforeSectorsAreScopedOnceAtStart() {
        assertThat(as("agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("SCP0006")).status())
                .isEqualTo(201);
        String earlier = "SCP0006-01";
        for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_PROCINST")) {
            jdbc.sql("UPDATE " + table + " SET TENANT_ID_ = NULL").update();
        }
        assertThat(as("agent-rgv").get("/engine-rest/task?processInstanceBusinessKey=" + earlier).json())
                .as("a process without a tenant is every sector's").hasSize(1);

        caseTenants.scopeCasesOfEarlierVersions();

        assertThat(rowsOutsideSector(earlier, "SDC")).isZero();
        assertThat(rowsOutsideSector(SAN_DIEGO, "SDC")).isZero();
        assertThat(rowsOutsideSector(RIO_GRANDE, "RGV")).isZero();
        assertThat(as("agent-rgv").get("/engine-rest/task?processInstanceBusinessKey=" + earlier).json()).isEmpty();
        assertThat(caseTenants.scopeUnscoped()).as("run again, nothing left").isZero();
    }

    /** Rows of the case's running processes (executions, tasks, variables, jobs) not in the sector's tenant. */
    private int rowsOutsideSector(String caseNumber, String sector) {
        String instances = "(SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = :caseNumber)";
        int outside = 0;
        for (String rows : List.of("ACT_RU_EXECUTION WHERE PROC_INST_ID_", "ACT_RU_TASK WHERE PROC_INST_ID_",
                "ACT_RU_VARIABLE WHERE PROC_INST_ID_", "ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_",
                "ACT_HI_PROCINST WHERE PROC_INST_ID_")) {
            outside += jdbc.sql("SELECT COUNT(*) FROM " + rows + " IN " + instances
                    + " AND (TENANT_ID_ IS NULL OR TENANT_ID_ <> :sector)").param("caseNumber", caseNumber)
                    .param("sector", sector).query(Integer.class).single();
        }
        return outside;
    }

    /** The same status and body, once each id is replaced by a placeholder. */
    private static void assertSameAsMissing(ApiClient.Response other, String otherId, ApiClient.Response missing,
            String missingId) {
        assertThat(other.status()).as(other.body()).isEqualTo(missing.status());
        assertThat(other.body().replace(otherId, "{id}").replaceAll("\"requestId\":\"[^\"]*\"", ""))
                .isEqualTo(missing.body().replace(missingId, "{id}").replaceAll("\"requestId\":\"[^\"]*\"", ""));
    }
}
