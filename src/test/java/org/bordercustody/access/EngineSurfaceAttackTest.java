package org.bordercustody.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.bordercustody.identity.CustodyGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack corpus: each request tries to get past the engine's access rules, the case API's body rules or its
 * case visibility as a signed-in user of a low-privilege role would, by another spelling, charset, entry point or
 * method. Each asserts the answer and that nothing happened: no marker table, no marker file, and the same rows in
 * every table an attack could change (tasks, variables, identity links, authorizations, jobs, incidents, filters,
 * users, groups, memberships, comments, attachments, deployments, the case tables).
 */
@CustodyApplicationTest
class EngineSurfaceAttackTest {

    static final Path MARKER_FILE = Path.of(System.getProperty("java.io.tmpdir"), "custody-attack-marker");
    static final String MARKER_TABLE = "ATTACK_MARKER";
    /** Runs SQL through a Spring bean, as an expression that reaches the application context would. */
    static final String BEAN_PAYLOAD = "${jdbcTemplate.execute('CREATE TABLE " + MARKER_TABLE + " (ID INT)')}";
    /** Loads a class by name and creates a file, as an expression that reaches reflection would. */
    static final String REFLECTION_PAYLOAD = "${''.getClass().forName('java.io.File').getConstructor(''.getClass())"
            + ".newInstance('" + MARKER_FILE + "').createNewFile()}";
    static final String ADULT = "ATK0001-01";
    static final String CHILD = "ATK0002-02";
    static final String MISSING = "ATK0999-01";
    static final List<String> TABLES = List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
            "ACT_RU_AUTHORIZATION", "ACT_RU_JOB", "ACT_RU_INCIDENT", "ACT_RU_FILTER", "ACT_RU_EXECUTION",
            "ACT_RU_EVENT_SUBSCR", "ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_ID_INFO", "ACT_HI_COMMENT",
            "ACT_HI_ATTACHMENT", "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "APPREHENSION_EVENT", "CUSTODY_CASE",
            "CASE_EVENT", "FAMILY_LINK", "RELEASE_ADDRESS");

    static final Map<String, String> ids = new HashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext applicationContext;

    /** One request: who sends it, how, where, with what, and the answers that count as refused. */
    record Attack(String name, String role, String method, String path, String contentType, byte[] body,
            boolean chunked, Map<String, String> headers, boolean webappSession, Set<Integer> refusedWith) {

        @Override
        public String toString() {
            return role + ": " + name;
        }
    }

    static Stream<Attack> corpus() {
        List<Attack> attacks = new ArrayList<>();
        List<String> everyRole = List.of("agent", "supervisor", "ice-officer", "orr-liaison", "manager");
        String escaped = BEAN_PAYLOAD.replace("$", "\\u0024");
        for (String role : everyRole) {
            attacks.add(json("expression in an or-query of a task query", role, "POST", "/engine-rest/task",
                    orQuery("assigneeExpression", BEAN_PAYLOAD), 400));
            attacks.add(json("JSON-escaped dollar in an or-query", role, "POST", "/engine-rest/task",
                    orQuery("candidateGroupExpression", escaped), 400));
            attacks.add(json("reflection in an or-query of a count", role, "POST", "/engine-rest/task/count",
                    orQuery("ownerExpression", REFLECTION_PAYLOAD), 400));
            // A manager may not even read the shared filters of Tasklist's groups: 403 before the query.
            attacks.add(json("expression in an or-query of a filter's list", role, "POST",
                    "/engine-rest/filter/{FILTER}/list", orQuery("candidateUserExpression", BEAN_PAYLOAD), 400, 403));
            attacks.add(session("expression in an or-query through the web app's own API", role, "POST",
                    "/camunda/api/engine/engine/default/task", orQuery("involvedUserExpression", REFLECTION_PAYLOAD), 400));
            attacks.add(json("creating a filter whose query runs an expression", role, "POST",
                    "/engine-rest/filter/create", "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": "
                            + "{\"assigneeExpression\": \"" + BEAN_PAYLOAD + "\"}}", 403));
            attacks.add(json("suspending the history cleanup job", role, "PUT", "/engine-rest/job/{CLEANUP_JOB}/suspended",
                    "{\"suspended\": true}", 403));
            attacks.add(json("claiming a task for another user", role, "POST", "/engine-rest/task/{INTAKE_TASK}/claim",
                    "{\"userId\": \"orr-liaison\"}", 403));
            attacks.add(json("adding a member to the administrators", role, "PUT",
                    "/engine-rest/group/camunda-admin/members/" + role, null, 403));
        }
        attacks.add(bytes("a task query in UTF-16", "agent", "POST", "/engine-rest/task",
                "application/json; charset=UTF-16", orQuery("assigneeExpression", BEAN_PAYLOAD), StandardCharsets.UTF_16, 400));
        attacks.add(bytes("a task query in UTF-32 without a charset", "manager", "POST", "/engine-rest/task",
                "application/json", orQuery("assigneeExpression", REFLECTION_PAYLOAD), Charset.forName("UTF-32"), 400));
        attacks.add(json("duplicate keys, the second an expression", "agent", "POST", "/engine-rest/task/count",
                "{\"orQueries\": [{\"assigneeExpression\": \"x\", \"assigneeExpression\": \"" + BEAN_PAYLOAD + "\"}]}", 400));
        attacks.add(json("a top-level expression in the query string", "orr-liaison", "GET",
                "/engine-rest/task?assigneeExpression=%24%7BjdbcTemplate.execute('CREATE%20TABLE%20" + MARKER_TABLE
                        + "%20(ID%20INT)')%7D", null, 400));
        attacks.add(json("a due-date expression in an or-query", "supervisor", "POST", "/engine-rest/task",
                orQuery("dueBeforeExpression", REFLECTION_PAYLOAD), 400));
        attacks.add(json("a follow-up expression in an or-query", "ice-officer", "POST", "/engine-rest/task",
                orQuery("followUpAfterExpression", BEAN_PAYLOAD), 400));
        attacks.add(json("an expression in a filter's count", "supervisor", "POST", "/engine-rest/filter/{FILTER}/count",
                orQuery("candidateGroupsExpression", BEAN_PAYLOAD), 400));
        attacks.add(json("an expression in a filter's single result", "ice-officer", "POST",
                "/engine-rest/filter/{FILTER}/singleResult", orQuery("assigneeExpression", REFLECTION_PAYLOAD), 400));
        attacks.add(session("an expression in a filter's list through the web app's own API", "supervisor", "POST",
                "/camunda/api/engine/engine/default/filter/{FILTER}/list", orQuery("assigneeExpression", BEAN_PAYLOAD), 400));
        attacks.add(withHeader(json("a method override on a task query", "ice-officer", "POST", "/engine-rest/task",
                orQuery("assigneeExpression", BEAN_PAYLOAD), 400), "X-HTTP-Method-Override", "GET"));
        attacks.add(json("changing a shared filter's query", "supervisor", "PUT", "/engine-rest/filter/{FILTER}",
                "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {\"assigneeExpression\": \"" + BEAN_PAYLOAD + "\"}}",
                403));

        attacks.add(session("claiming for another user through the web app's own API", "agent", "POST",
                "/camunda/api/engine/engine/default/task/{INTAKE_TASK}/claim", "{\"userId\": \"orr-liaison\"}", 403));
        attacks.add(json("claiming for another user, JSON-escaped", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/claim",
                "{\"userId\": \"orr\\u002dliaison\"}", 403));
        attacks.add(json("claiming with duplicate user ids", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/claim",
                "{\"userId\": \"agent\", \"userId\": \"orr-liaison\"}", 403));
        attacks.add(json("setting the assignee", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/assignee",
                "{\"userId\": \"orr-liaison\"}", 403));
        attacks.add(json("delegating", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/delegate",
                "{\"userId\": \"orr-liaison\"}", 403));
        attacks.add(json("adding ORR as a candidate group", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/identity-links",
                "{\"groupId\": \"orr-liaison\", \"type\": \"candidate\"}", 403));
        attacks.add(json("updating the task with an assignee", "agent", "PUT", "/engine-rest/task/{INTAKE_TASK}",
                "{\"name\": \"Record intake\", \"assignee\": \"orr-liaison\", \"priority\": 50}", 403));
        attacks.add(json("claiming another group's task for oneself", "supervisor", "POST",
                "/engine-rest/task/{INTAKE_TASK}/claim", "{\"userId\": \"supervisor\"}", 403));
        attacks.add(json("unclaiming a colleague's task", "agent", "POST", "/engine-rest/task/{CLAIMED_TASK}/unclaim",
                null, 403));
        attacks.add(json("completing a colleague's task", "agent", "POST", "/engine-rest/task/{CLAIMED_TASK}/complete",
                intake(""), 403));

        attacks.add(json("completing with a derived name", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/complete",
                intake(", \"personName\": {\"value\": \"<a href=x>Doe</a>\"}"), 400));
        attacks.add(json("completing with a derived clock", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/complete",
                intake(", \"apprehendedAt\": {\"value\": \"2026-01-01T00:00:00.000+0000\", \"type\": \"Date\"}"), 400));
        attacks.add(json("changing a routing fact derived from citizenship", "agent", "POST",
                "/engine-rest/task/{INTAKE_TASK}/complete", intake(", \"contiguousCountryNational\": {\"value\": true}"), 400));
        attacks.add(json("completing without the required answers", "agent", "POST",
                "/engine-rest/task/{INTAKE_TASK}/complete", "{\"variables\": {}}", 400));
        attacks.add(json("a choice that is not on the form's list", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/complete",
                intake("").replace("\"NTA_OR\"", "\"TITLE_42\""), 400));
        attacks.add(json("completing with a new name", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/complete",
                intake(", \"isAdmin\": {\"value\": true}"), 400));
        attacks.add(json("completing with a JSON-escaped derived name", "agent", "POST",
                "/engine-rest/task/{INTAKE_TASK}/complete", intake(", \"person\\u004eame\": {\"value\": \"Doe\"}"), 400));
        attacks.add(json("a form field as a JSON object", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/complete",
                "{\"variables\": {\"biometricsStatus\": {\"value\": \"{}\", \"type\": \"Json\"}}}", 400));
        attacks.add(json("a form field as a serialized Java object", "agent", "POST",
                "/engine-rest/task/{INTAKE_TASK}/complete", "{\"variables\": {\"biometricsStatus\": {\"value\": "
                        + "\"rO0ABXQABWhlbGxv\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", "
                        + "\"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}", 400));
        attacks.add(json("submitting the form with a derived name", "agent", "POST",
                "/engine-rest/task/{INTAKE_TASK}/submit-form", intake(", \"personName\": {\"value\": \"Doe\"}"), 400));
        attacks.add(session("submitting the form with a derived name through the web app", "agent", "POST",
                "/camunda/api/engine/engine/default/task/{INTAKE_TASK}/submit-form",
                intake(", \"caseNumber\": {\"value\": \"X\"}"), 400));
        attacks.add(json("resolving instead of completing", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/resolve",
                intake(""), 403));
        attacks.add(json("setting a task variable", "agent", "PUT", "/engine-rest/task/{INTAKE_TASK}/variables/personName",
                "{\"value\": \"Doe\", \"type\": \"String\"}", 403));
        attacks.add(json("modifying task variables", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/variables",
                "{\"modifications\": {\"personName\": {\"value\": \"Doe\"}}}", 403));
        attacks.add(json("setting a task-local variable", "agent", "PUT",
                "/engine-rest/task/{INTAKE_TASK}/localVariables/note", "{\"value\": \"x\"}", 403));
        attacks.add(json("deleting a task variable", "agent", "DELETE", "/engine-rest/task/{INTAKE_TASK}/variables/personName",
                null, 403));
        attacks.add(json("setting a process variable", "supervisor", "PUT",
                "/engine-rest/process-instance/{INSTANCE}/variables/personName", "{\"value\": \"Doe\"}", 403));
        attacks.add(json("modifying process variables", "ice-officer", "POST",
                "/engine-rest/process-instance/{INSTANCE}/variables", "{\"modifications\": {\"apprehendedAt\": {\"value\": null}}}",
                403));
        attacks.add(json("setting an execution's local variable", "orr-liaison", "PUT",
                "/engine-rest/execution/{INSTANCE}/localVariables/personName", "{\"value\": \"Doe\"}", 403));
        attacks.add(json("correlating a message with variables", "agent", "POST", "/engine-rest/message",
                "{\"messageName\": \"x\", \"businessKey\": \"" + ADULT + "\", \"processVariables\": {\"personName\": {\"value\": \"Doe\"}}}",
                403));
        attacks.add(json("throwing a signal", "manager", "POST", "/engine-rest/signal", "{\"name\": \"x\"}", 403));
        attacks.add(json("modifying a process instance", "supervisor", "POST",
                "/engine-rest/process-instance/{INSTANCE}/modification",
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_RecordIntake\"}]}", 403));
        attacks.add(json("deleting a process instance", "manager", "DELETE", "/engine-rest/process-instance/{INSTANCE}",
                null, 403));

        attacks.add(json("rescheduling the history cleanup job", "supervisor", "PUT", "/engine-rest/job/{CLEANUP_JOB}/duedate",
                "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}", 403));
        attacks.add(json("executing the history cleanup job", "ice-officer", "POST", "/engine-rest/job/{CLEANUP_JOB}/execute",
                null, 403));
        attacks.add(json("deleting the history cleanup job", "orr-liaison", "DELETE", "/engine-rest/job/{CLEANUP_JOB}",
                null, 403));
        attacks.add(json("setting the cleanup job's retries to zero", "manager", "PUT", "/engine-rest/job/{CLEANUP_JOB}/retries",
                "{\"retries\": 0}", 403));
        attacks.add(json("scheduling history cleanup", "manager", "POST", "/engine-rest/history/cleanup", null, 403));
        attacks.add(json("resolving an incident", "manager", "DELETE", "/engine-rest/incident/{INCIDENT}", null, 403));
        attacks.add(json("annotating an incident", "supervisor", "PUT", "/engine-rest/incident/{INCIDENT}/annotation",
                "{\"annotation\": \"x\"}", 403));
        attacks.add(json("creating an incident", "manager", "POST", "/engine-rest/execution/{INSTANCE}/create-incident",
                "{\"incidentType\": \"x\", \"configuration\": \"y\"}", 403));
        attacks.add(json("deleting one's own account", "agent", "DELETE", "/engine-rest/user/agent", null, 403));
        attacks.add(withHeader(json("deleting one's own account through a method override", "agent", "POST",
                "/engine-rest/user/agent", null, 403, 404, 405), "X-HTTP-Method-Override", "DELETE"));
        attacks.add(json("changing one's own profile", "manager", "PUT", "/engine-rest/user/manager/profile",
                "{\"id\": \"manager\", \"firstName\": \"x\", \"lastName\": \"y\", \"email\": \"m@x.invalid\"}", 403));
        attacks.add(json("changing one's own password", "supervisor", "PUT", "/engine-rest/user/supervisor/credentials",
                "{\"password\": \"another-password\", \"authenticatedUserPassword\": \"supervisor\"}", 403));
        attacks.add(session("changing one's own profile through the web app", "agent", "PUT",
                "/camunda/api/engine/engine/default/user/agent/profile",
                "{\"id\": \"agent\", \"firstName\": \"x\", \"lastName\": \"y\", \"email\": \"a@x.invalid\"}", 403));
        attacks.add(json("creating a group", "ice-officer", "POST", "/engine-rest/group/create",
                "{\"id\": \"shadow\", \"name\": \"x\"}", 403));
        attacks.add(json("creating a user", "manager", "POST", "/engine-rest/user/create",
                "{\"profile\": {\"id\": \"shadow\"}, \"credentials\": {\"password\": \"x\"}}", 403));
        attacks.add(json("granting oneself an authorization", "orr-liaison", "POST", "/engine-rest/authorization/create",
                "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"orr-liaison\", \"resourceType\": 7, \"resourceId\": \"*\"}",
                403));
        attacks.add(json("deleting an authorization", "manager", "DELETE", "/engine-rest/authorization/{AUTHORIZATION}",
                null, 403));
        // Camunda's REST API answers any engine refusal of a comment or attachment with 400.
        attacks.add(session("Cockpit's plugin API from a Tasklist session", "agent", "GET",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null, 403));
        attacks.add(session("Cockpit's incident counts from a Tasklist session", "orr-liaison", "GET",
                "/camunda/api/cockpit/plugin/base/default/incident/count", null, 403));
        attacks.add(json("commenting on a task, read-only", "manager", "POST", "/engine-rest/task/{INTAKE_TASK}/comment/create",
                "{\"message\": \"x\"}", 400, 403));
        attacks.add(json("commenting on a task", "agent", "POST", "/engine-rest/task/{INTAKE_TASK}/comment/create",
                "{\"message\": \"x\"}", 400, 403));
        attacks.add(new Attack("attaching a link to a task, read-only", "manager", "POST",
                "/engine-rest/task/{INTAKE_TASK}/attachment/create", "multipart/form-data; boundary=b",
                ("--b\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nx\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"url\"\r\n\r\nhttp://x.invalid\r\n--b--\r\n")
                        .getBytes(StandardCharsets.UTF_8), false, Map.of(), false, Set.of(400, 403)));

        String apprehension = ApprehensionFixtures.singleAdult("ATK0100", "2026-11-01T00:00:00Z");
        attacks.add(new Attack("a chunked body over 1 MiB to the case API", "agent", "POST", "/api/apprehensions",
                "application/json", (apprehension.substring(0, apprehension.length() - 2) + ", \"x\": \""
                        + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), true, Map.of(), false,
                Set.of(413)));
        attacks.add(new Attack("a chunked body over 10 MiB to the engine", "agent", "POST", "/engine-rest/task",
                "application/json", ("{\"name\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
                true, Map.of(), false, Set.of(413)));
        attacks.add(bytes("an apprehension in UTF-16 with its charset", "agent", "POST", "/api/apprehensions",
                "application/json; charset=UTF-16", apprehension, StandardCharsets.UTF_16, 415));
        attacks.add(bytes("an apprehension in UTF-16LE without a charset", "agent", "POST", "/api/apprehensions",
                "application/json", apprehension, StandardCharsets.UTF_16LE, 415));
        attacks.add(bytes("an apprehension declared ISO-8859-1", "supervisor", "POST", "/api/apprehensions",
                "application/json; charset=ISO-8859-1", apprehension, StandardCharsets.ISO_8859_1, 415));
        attacks.add(bytes("an apprehension as text/plain", "agent", "POST", "/api/apprehensions", "text/plain",
                apprehension, StandardCharsets.UTF_8, 415));
        attacks.add(bytes("an apprehension as a form post", "agent", "POST", "/api/apprehensions",
                "application/x-www-form-urlencoded", "eventNumber=ATK0100", StandardCharsets.UTF_8, 415));

        attacks.add(json("ORR probing an adult's case", "orr-liaison", "GET", "/api/cases/" + ADULT, null, 404));
        attacks.add(json("ORR probing a missing case", "orr-liaison", "GET", "/api/cases/" + MISSING, null, 404));
        attacks.add(json("ORR probing an adult's timeline", "orr-liaison", "GET", "/api/cases/" + ADULT + "/timeline", null, 404));
        attacks.add(json("ORR probing an adult's case with a placement", "orr-liaison", "POST",
                "/api/cases/" + ADULT + "/orr-placement", "{\"facility\": \"x\", \"placementType\": \"SHELTER\"}", 404));
        attacks.add(json("ORR probing a missing case with a placement", "orr-liaison", "POST",
                "/api/cases/" + MISSING + "/orr-placement", "{\"facility\": \"x\", \"placementType\": \"SHELTER\"}", 404));
        return attacks.stream();
    }

    @BeforeEach
    void recordCases() {
        if (!ids.isEmpty()) {
            return;
        }
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("ATK0001")).status()).isEqualTo(201);
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.childWithAunt("ATK0002")).status()).isEqualTo(201);
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("ATK0003")).status()).isEqualTo(201);
        User colleague = identityService.newUser("agent-colleague");
        colleague.setPassword("agent-colleague");
        identityService.saveUser(colleague);
        identityService.createMembership("agent-colleague", CustodyGroups.BORDER_PATROL_AGENT);
        identityService.createTenantUserMembership("SDC", "agent-colleague");
        String claimed = new TasklistClient(ApiClient.as(port, "agent-colleague")).taskId("ATK0003-01", "Task_RecordIntake");
        assertThat(ApiClient.as(port, "agent-colleague").post("/engine-rest/task/" + claimed + "/claim",
                "{\"userId\": \"agent-colleague\"}").status()).isEqualTo(204);

        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ADULT).singleResult().getId();
        ids.put("INSTANCE", instance);
        ids.put("INTAKE_TASK", taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        ids.put("CLAIMED_TASK", claimed);
        ids.put("CLEANUP_JOB", managementService.createJobQuery().list().stream()
                .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow().getId());
        String intakeExecution = taskService.createTaskQuery().taskId(ids.get("INTAKE_TASK")).singleResult().getExecutionId();
        ids.put("INCIDENT", runtimeService.createIncident("custodyCheck", intakeExecution, "attack corpus").getId());
        ids.put("AUTHORIZATION", jdbc.sql("SELECT ID_ FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = 'custody-manager'")
                .query(String.class).list().get(0));
        assertThat(applicationContext.containsBean("jdbcTemplate")).as("the bean payload's target exists").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theAttackIsRefusedAndChangesNothing(Attack attack) throws Exception {
        String before = world();

        ApiClient.Response response = send(attack);

        assertThat(response.status()).as("%s answered %s", attack, response.body()).isIn(attack.refusedWith());
        assertThat(markerTableExists()).as("marker table").isFalse();
        assertThat(MARKER_FILE).as("marker file").doesNotExist();
        assertThat(world()).as("rows after %s", attack).isEqualTo(before);
    }

    private ApiClient.Response send(Attack attack) {
        String path = resolve(attack.path(), attack.role());
        byte[] body = attack.body() == null ? null
                : resolve(new String(attack.body(), StandardCharsets.ISO_8859_1), attack.role()).getBytes(StandardCharsets.ISO_8859_1);
        if (!attack.webappSession()) {
            return ApiClient.as(port, attack.role()).send(attack.method(), path, attack.contentType(), body,
                    attack.chunked(), attack.headers());
        }
        ApiClient browser = ApiClient.anonymous(port);
        String app = attack.role().equals("manager") ? "cockpit" : "tasklist";
        assertThat(browser.webappLogin(app, attack.role(), attack.role()).status()).isEqualTo(200);
        Map<String, String> headers = new HashMap<>(attack.headers());
        headers.put("X-XSRF-TOKEN", browser.webappCsrfToken());
        return browser.send(attack.method(), path, attack.contentType(), body, attack.chunked(), headers);
    }

    private String resolve(String text, String role) {
        String resolved = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (resolved.contains("{FILTER}")) {
            String filter = ApiClient.as(port, role.equals("manager") ? "admin" : role)
                    .get("/engine-rest/filter?resourceType=Task").json().get(0).get("id").asText();
            resolved = resolved.replace("{FILTER}", filter);
        }
        return resolved;
    }

    /** Every row of every table an attack could change, in a stable order. */
    private String world() {
        StringBuilder world = new StringBuilder();
        for (String table : TABLES) {
            List<String> rows = jdbc.sql("SELECT * FROM " + table).query((rs, number) -> {
                ResultSetMetaData columns = rs.getMetaData();
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.append(columns.getColumnName(column)).append('=').append(rs.getString(column)).append(';');
                }
                return row.toString();
            }).list();
            world.append(table).append('\n').append(rows.stream().sorted().collect(Collectors.joining("\n"))).append('\n');
        }
        return world.toString();
    }

    private boolean markerTableExists() {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = :name")
                .param("name", MARKER_TABLE).query(Long.class).single() > 0;
    }

    private static String orQuery(String field, String expression) {
        return "{\"orQueries\": [{\"" + field + "\": \"" + expression + "\"}]}";
    }

    private static String intake(String extra) {
        return "{\"variables\": {\"biometricsStatus\": {\"value\": \"CAPTURED\"}, \"recordsCheckResult\": {\"value\": \"CLEAR\"}, "
                + "\"medicalScreening\": {\"value\": \"NO_CONCERNS\"}, \"processingPathway\": {\"value\": \"NTA_OR\"}, "
                + "\"flightRisk\": {\"value\": \"LOW\"}, \"familyRelationshipVerified\": {\"value\": false}" + extra + "}}";
    }

    private static Attack json(String name, String role, String method, String path, String body, Integer... refusedWith) {
        return new Attack(name, role, method, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), false, Map.of(), false, Set.of(refusedWith));
    }

    private static Attack session(String name, String role, String method, String path, String body, Integer... refusedWith) {
        Attack attack = json(name, role, method, path, body, refusedWith);
        return new Attack(name, role, method, path, attack.contentType(), attack.body(), false, Map.of(), true,
                attack.refusedWith());
    }

    private static Attack bytes(String name, String role, String method, String path, String contentType, String body,
            Charset charset, Integer... refusedWith) {
        return new Attack(name, role, method, path, contentType, body.getBytes(charset), false, Map.of(), false,
                Set.of(refusedWith));
    }

    private static Attack withHeader(Attack attack, String header, String value) {
        return new Attack(attack.name(), attack.role(), attack.method(), attack.path(), attack.contentType(), attack.body(),
                attack.chunked(), Map.of(header, value), attack.webappSession(), attack.refusedWith());
    }

    static {
        try {
            Files.deleteIfExists(MARKER_FILE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
