package org.bordercustody.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A father with a criminal history and his ten-year-old son: the supervisor separates them explicitly, with a reason
 * and a note. The son becomes an unaccompanied child with the HHS and ORR clocks from the decision, the father goes to
 * ICE adult detention; both timelines explain it, partners learn of it (ORR with the father's identifiers and where
 * he is), and ORR later records their reunification. A separation that does not fit is refused naming the field,
 * with nothing changed; the same family kept together goes to a family residential center.
 */
@CustodyApplicationTest
class FamilySeparationTest {

    static final Map<String, Object> SEPARATE = Map.of("approveProposal", "true", "familySeparation", "SEPARATE",
            "separationReason", "CRIMINAL_HISTORY_OR_WARRANT", "separationNote", "Outstanding warrant for assault",
            "separateChild1", true);

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSupervisorsSeparationSendsTheSonToOrrWithItsClocksAndTheFatherToIceDetention() {
        String event = "SEP0001";
        String father = event + "-01";
        String son = event + "-02";
        awaitingApproval(event);
        Instant decidedAt = ClockUtil.getCurrentTime().toInstant();

        ApiClient.Response decided = supervisor().complete(father, "Task_ApproveCustodyOutcome", SEPARATE);

        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        JsonNode sonCase = ApiClient.as(port, "supervisor").get("/api/cases/" + son).json();
        assertThat(sonCase.get("classification").asText()).isEqualTo("UNACCOMPANIED_CHILD");
        assertThat(sonCase.get("placement").asText()).isEqualTo("TRANSFER_TO_HHS_ORR");
        Task notify = task(son, "Task_NotifyHhsOfChild");
        assertThat(notify.getDueDate().toInstant()).isBetween(decidedAt.plus(Duration.ofHours(48)),
                decidedAt.plus(Duration.ofHours(48)).plusSeconds(30));
        // The 72-hour ORR transfer clock runs on the custody process's call of ORR's transfer, where the task is.
        String custody = runtimeService.createProcessInstanceQuery()
                .subProcessInstanceId(notify.getProcessInstanceId()).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(custody).timers()
                .list()).extracting(job -> job.getDuedate().toInstant())
                .anySatisfy(due -> assertThat(due).isBetween(decidedAt.plus(Duration.ofHours(72)),
                        decidedAt.plus(Duration.ofHours(72)).plusSeconds(30)));
        assertThat(task(father, "Task_PrepareIceTransfer")).isNotNull();
        assertThat(separations(event)).containsExactly(List.of(son, father, "CRIMINAL_HISTORY_OR_WARRANT",
                "Outstanding warrant for assault", "supervisor"));
        for (String member : List.of(father, son)) {
            JsonNode entry = timelineEntry(member, "FAMILY_SEPARATED");
            assertThat(entry.get("actor").asText()).isEqualTo("supervisor");
            assertThat(entry.get("description").asText())
                    .contains("Criminal history or warrant of the adult: Outstanding warrant for assault");
        }
        assertThat(timelineEntry(son, "FAMILY_SEPARATED").get("description").asText())
                .contains("Separated from Castillo, Mario (case " + father + ")")
                .contains("now an unaccompanied child").contains("transfer to HHS ORR by");

        // The father alone goes to adult detention; no family custody without his son.
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        assertThat(agent.complete(father, "Task_PrepareIceTransfer", Map.of("iceFacility", "ELOY",
                "transferRecord", "father alone")).status()).isEqualTo(204);
        assertThat(ApiClient.as(port, "ice-system").post("/api/cases/" + father + "/ice-book-in",
                "{ \"facility\": \"ELOY\", \"bookInNumber\": \"E-SEP1\", \"familyCustody\": true }").status())
                .as("no family custody for a father whose son was separated").isEqualTo(409);
        ApiClient.Response booked = ApiClient.as(port, "ice-system").post("/api/cases/" + father + "/ice-book-in",
                "{ \"facility\": \"ELOY\", \"bookInNumber\": \"E-SEP1\", \"familyCustody\": false }");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(status(father)).isEqualTo("TRANSFERRED_TO_ICE");
        assertThat(status(son)).isEqualTo("IN_CBP_CUSTODY");
        assertThat(timelineEntry(father, "TRANSFERRED_TO_ICE").get("description").asText())
                .contains("Eloy").doesNotContain("family custody limit");

        JsonNode orrsCopy = event(ApiClient.as(port, "orr-system"), son, "family-separated");
        assertThat(orrsCopy.at("/data/reason").asText()).isEqualTo("CRIMINAL_HISTORY_OR_WARRANT");
        JsonNode parent = orrsCopy.at("/data/separatedFrom/0");
        assertThat(parent.get("caseNumber").asText()).isEqualTo(father);
        assertThat(parent.get("fin").asText()).isNotBlank();
        assertThat(parent.at("/whereNow/station").asText()).isEqualTo("BRF");
        assertThat(event(ApiClient.as(port, "orr-system"), son, "uac-referral").at("/data/separatedFrom/0/caseNumber")
                .asText()).isEqualTo(father);
        assertThat(events(ApiClient.as(port, "orr-system"), father)).as("ORR receives nothing of the father's case")
                .isEmpty();
        assertThat(event(ApiClient.as(port, "ice-system"), father, "family-separated").at("/data/separatedFrom/0/caseNumber")
                .asText()).isEqualTo(son);
    }

    @Test
    void orrRecordsTheReunificationOnceOnBothTimelinesAndBothPartnersLearnOfIt() {
        String event = "SEP0002";
        String father = event + "-01";
        String son = event + "-02";
        awaitingApproval(event);
        assertThat(supervisor().complete(father, "Task_ApproveCustodyOutcome", SEPARATE).status()).isEqualTo(204);
        ApiClient orr = ApiClient.as(port, "orr-system");

        refused(orr.post("/api/cases/" + son + "/family/reunification", "{ \"parentCaseNumber\": \"" + son
                + "\", \"note\": \"x\" }"), "parentCaseNumber", "not a parent or legal guardian");
        refused(orr.post("/api/cases/" + son + "/family/reunification", "{ \"parentCaseNumber\": \"" + father
                + "\" }"), "note", "");
        assertThat(ApiClient.as(port, "agent").post("/api/cases/" + son + "/family/reunification",
                "{ \"parentCaseNumber\": \"" + father + "\", \"note\": \"x\" }").status()).isEqualTo(403);
        assertThat(reunified(son, father)).as("nothing recorded by the refusals").isFalse();

        ApiClient.Response reunified = orr.post("/api/cases/" + son + "/family/reunification",
                "{ \"parentCaseNumber\": \"" + father + "\", \"note\": \"released to his father as sponsor\" }");

        assertThat(reunified.status()).as(reunified.body()).isEqualTo(201);
        assertThat(reunified(son, father)).isTrue();
        for (String member : List.of(father, son)) {
            assertThat(timelineEntry(member, "FAMILY_REUNIFIED").get("description").asText())
                    .contains("released to his father as sponsor");
        }
        assertThat(event(orr, son, "family-reunified").at("/data/reunifiedWith/caseNumber").asText()).isEqualTo(father);
        assertThat(event(ApiClient.as(port, "ice-system"), father, "family-reunified").at("/data/reunifiedWith/caseNumber")
                .asText()).isEqualTo(son);
        ApiClient.Response again = orr.post("/api/cases/" + son + "/family/reunification",
                "{ \"parentCaseNumber\": \"" + father + "\", \"note\": \"again\" }");
        assertThat(again.status()).isEqualTo(409);
        assertThat(timeline(son).stream().filter(entry -> entry.get("type").asText().equals("FAMILY_REUNIFIED")))
                .hasSize(1);
    }

    @Test
    void noOtherSpellingEntryOrBodyOfTheReunificationGetsPastItsGuard() {
        String event = "SEP0008";
        String father = event + "-01";
        String son = event + "-02";
        awaitingApproval(event);
        assertThat(supervisor().complete(father, "Task_ApproveCustodyOutcome", SEPARATE).status()).isEqualTo(204);
        Snapshot before = snapshot(father, son);
        String body = "{ \"parentCaseNumber\": \"" + father + "\", \"note\": \"together\" }";
        ApiClient agent = ApiClient.as(port, "agent");
        byte[] json = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        List<ApiClient.Response> attempts = List.of(
                agent.post("/api/cases/" + son + "/family/reunification", body),
                agent.post("/api/cases/" + son + "/family/reunification/", body),
                agent.post("/api/cases/" + son + "/family//reunification", body),
                agent.post("/api/cases/" + son + "/family/%72eunification", body),
                agent.send("PUT", "/api/cases/" + son + "/family/reunification", "application/json", json, false,
                        Map.of()),
                agent.send("GET", "/api/cases/" + son + "/family/reunification", null, null, false,
                        Map.of("X-HTTP-Method-Override", "POST")),
                ApiClient.as(port, "ice-system").post("/api/cases/" + son + "/family/reunification", body),
                ApiClient.as(port, "orr-system").post("/api/cases/" + son + "/family/reunification",
                        "{ \"parentCaseNumber\": \"NOSUCH0001-01\", \"parentCaseNumber\": \"" + father
                                + "\", \"note\": \"together\" }"),
                ApiClient.as(port, "orr-system").post("/api/cases/" + son + "/family/reunification",
                        "{ \"parentCaseNumber\": \"" + father.replace("-", "\\u002d") + " \", \"note\": \"x\" }"),
                ApiClient.as(port, "orr-liaison").post("/api/cases/" + father + "/family/reunification",
                        "{ \"parentCaseNumber\": \"" + son + "\", \"note\": \"the other way round\" }"));

        assertThat(attempts).extracting(ApiClient.Response::status).as("every attempt refused")
                .allMatch(status -> status >= 400);
        assertThat(reunified(son, father)).as("no reunification recorded").isFalse();
        assertThat(snapshot(father, son)).as("no timeline entry, partner event or change of either case")
                .isEqualTo(before);
    }

    @Test
    void aSeparationThatDoesNotFitTheFamilyIsRefusedNamingTheFieldAndNothingChanges() {
        String event = "SEP0003";
        String father = event + "-01";
        String son = event + "-02";
        awaitingApproval(event);
        Snapshot before = snapshot(father, son);
        List<Map<String, Object>> refusedDecisions = List.of(
                without(SEPARATE, "separationReason"),
                with(SEPARATE, "separationReason", "HE_LOOKED_SUSPICIOUS"),
                without(SEPARATE, "separationNote"),
                with(SEPARATE, "separationNote", "   "),
                with(without(SEPARATE, "familySeparation"), "approveProposal", "true"),
                with(with(SEPARATE, "familySeparation", "KEEP_TOGETHER"), "approveProposal", "true"),
                with(SEPARATE, "familySeparation", "SPLIT"),
                with(SEPARATE, "separateChild1", false),
                with(SEPARATE, "separateChild2", true),
                Map.of("approveProposal", "true", "familySeparation", "KEEP_TOGETHER", "separateChild1", true));
        List<String> fields = List.of("separationReason", "separationReason", "separationNote", "separationNote",
                "separationReason", "separationReason", "familySeparation", "familySeparation", "separateChild2",
                "separateChild1");
        for (int i = 0; i < refusedDecisions.size(); i++) {
            refused(supervisor().complete(father, "Task_ApproveCustodyOutcome", refusedDecisions.get(i)),
                    fields.get(i), "");
        }
        assertThat(snapshot(father, son)).as("nothing of the refused decisions recorded").isEqualTo(before);
        assertThat(task(father, "Task_ApproveCustodyOutcome")).isNotNull();

        String single = "SEP0004";
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult(single))
                .status()).isEqualTo(201);
        new TasklistClient(ApiClient.as(port, "agent")).completeIntake(single + "-01", false);
        Snapshot alone = snapshot(single + "-01");
        refused(supervisor().complete(single + "-01", "Task_ApproveCustodyOutcome", SEPARATE), "familySeparation",
                "no child to separate");
        assertThat(snapshot(single + "-01")).isEqualTo(alone);
    }

    @Test
    void theSameFamilyKeptTogetherGoesToAFamilyResidentialCenterWithTheFloresClock() {
        String event = "SEP0005";
        String father = event + "-01";
        String son = event + "-02";
        awaitingApproval(event);
        ApiClient.Response decided = supervisor().complete(father, "Task_ApproveCustodyOutcome",
                Map.of("approveProposal", "true", "familySeparation", "KEEP_TOGETHER"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        assertThat(separations(event)).isEmpty();
        assertThat(new TasklistClient(ApiClient.as(port, "agent")).complete(father, "Task_PrepareIceTransfer",
                Map.of("iceFacility", "DILLEY", "transferRecord", "father and son")).status()).isEqualTo(204);
        ApiClient.Response booked = ApiClient.as(port, "ice-system").post("/api/cases/" + father + "/ice-book-in",
                "{ \"facility\": \"DILLEY\", \"bookInNumber\": \"D-SEP5\", \"familyCustody\": true }");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        for (String member : List.of(father, son)) {
            assertThat(status(member)).isEqualTo("TRANSFERRED_TO_ICE");
            assertThat(timelineEntry(member, "TRANSFERRED_TO_ICE").get("description").asText())
                    .contains("family custody limit");
        }
    }

    @Test
    void aMotherKeepsHerSonWhileTheDaughterWhoseParentageIsNotEstablishedIsSeparated() {
        String event = "SEP0007";
        String mother = event + "-01";
        String son = event + "-02";
        String daughter = event + "-03";
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.family(event))
                .status()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        for (String member : List.of(mother, son, daughter)) {
            agent.completeIntake(member, true);
        }
        JsonNode shown = ApiClient.as(port, "supervisor").get("/engine-rest/task/"
                + supervisor().taskId(mother, "Task_ApproveCustodyOutcome") + "/form-variables").json();
        assertThat(shown.at("/familyChild1/value").asText()).startsWith("Lopez, Luis (age ");
        assertThat(shown.at("/familyChild2/value").asText()).startsWith("Lopez, Maria (age ");

        ApiClient.Response decided = supervisor().complete(mother, "Task_ApproveCustodyOutcome", Map.of(
                "approveProposal", "true", "familySeparation", "SEPARATE", "separationReason",
                "PARENTAGE_NOT_ESTABLISHED", "separationNote", "birth certificate names another mother",
                "separateChild1", false, "separateChild2", true));

        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        assertThat(separations(event)).extracting(row -> row.get(0) + " from " + row.get(1))
                .containsExactly(daughter + " from " + mother);
        assertThat(task(daughter, "Task_NotifyHhsOfChild")).isNotNull();
        assertThat(ApiClient.as(port, "supervisor").get("/api/cases/" + son).json().get("classification").asText())
                .isEqualTo("FAMILY_UNIT_MEMBER");
        assertThat(task(mother, "Task_RecordIntendedAddress")).as("the mother and her son go on together").isNotNull();
        assertThat(timelineEntry(son, "CUSTODY_OUTCOME_DECIDED")).isNotNull();
        assertThat(timeline(son).stream().map(entry -> entry.get("type").asText())).doesNotContain("FAMILY_SEPARATED");
        assertThat(timelineEntry(mother, "FAMILY_SEPARATED").get("description").asText())
                .contains("Separated from Lopez, Maria (case " + daughter + ")").contains("the child goes to HHS ORR");
    }

    @Test
    void theApprovalFormOfAFamilyNamesTheChildrenASeparationWouldConcern() {
        String event = "SEP0006";
        awaitingApproval(event);
        String taskId = supervisor().taskId(event + "-01", "Task_ApproveCustodyOutcome");
        JsonNode variables = ApiClient.as(port, "supervisor").get("/engine-rest/task/" + taskId + "/form-variables")
                .json();
        assertThat(variables.at("/familyChildren/value").asText()).startsWith("Castillo, Pablo (age 10, case "
                + event + "-02)");
    }

    /** What a refusal must leave as it was: statuses, timelines, partner events and separations. */
    record Snapshot(List<String> statuses, List<Long> timelineEntries, List<Long> partnerEvents, long separations,
            List<Long> openTasks) {
    }

    private Snapshot snapshot(String... caseNumbers) {
        List<String> numbers = List.of(caseNumbers);
        return new Snapshot(numbers.stream().map(this::status).toList(),
                numbers.stream().map(number -> count("case_event", number)).toList(),
                numbers.stream().map(number -> count("partner_event", number)).toList(),
                jdbc.sql("SELECT COUNT(*) FROM family_separation WHERE child_case_number IN (:numbers)"
                        + " OR parent_case_number IN (:numbers)").param("numbers", numbers).query(Long.class).single(),
                numbers.stream().map(number -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                        .count()).toList());
    }

    private void awaitingApproval(String event) {
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.fatherAndTenYearOld(event));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake(event + "-01", true, Map.of("recordsCheckResult", "CRIMINAL_HISTORY",
                "processingPathway", "NTA"));
        agent.completeIntake(event + "-02", true);
    }

    private TasklistClient supervisor() {
        return new TasklistClient(ApiClient.as(port, "supervisor"));
    }

    private Task task(String caseNumber, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key)
                .singleResult();
    }

    private List<List<String>> separations(String event) {
        return jdbc.sql("SELECT child_case_number, parent_case_number, reason, note, decided_by FROM family_separation"
                        + " WHERE event_number = :event ORDER BY id")
                .param("event", event)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private boolean reunified(String child, String parent) {
        return jdbc.sql("SELECT COUNT(*) FROM family_separation WHERE child_case_number = :child"
                        + " AND parent_case_number = :parent AND reunified_at IS NOT NULL")
                .param("child", child).param("parent", parent).query(Long.class).single() == 1;
    }

    private long count(String table, String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber).query(Long.class).single();
    }

    private String status(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json().get("status").asText();
    }

    private List<JsonNode> timeline(String caseNumber) {
        List<JsonNode> entries = new ArrayList<>();
        ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json().forEach(entries::add);
        return entries;
    }

    private JsonNode timelineEntry(String caseNumber, String type) {
        return timeline(caseNumber).stream().filter(entry -> entry.get("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " on the timeline of " + caseNumber));
    }

    private static List<JsonNode> events(ApiClient partner, String caseNumber) {
        return org.bordercustody.partner.PartnerTests.allEvents(partner).stream()
                .filter(event -> event.get("subject").asText().equals(caseNumber)).toList();
    }

    private static JsonNode event(ApiClient partner, String caseNumber, String type) {
        return events(partner, caseNumber).stream()
                .filter(event -> event.get("type").asText().endsWith("." + type)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no " + type + " event of " + caseNumber));
    }

    private static void refused(ApiClient.Response response, String field, String why) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).contains(why);
    }

    private static Map<String, Object> with(Map<String, Object> answers, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(answers);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> answers, String name) {
        Map<String, Object> changed = new HashMap<>(answers);
        changed.remove(name);
        return changed;
    }
}
