package org.bordercustody.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A father with a criminal history and his ten-year-old son, proposed for ICE detention: no path books the child into
 * adult detention (the agent's hand-over and the officer's acceptance in Tasklist, the engine's submit-form, the case
 * API, the partner API), each refusal 400 naming the facility with nothing changed; the family together at a family
 * residential center is accepted. And the facility list itself, and the codes the book-in and placement take.
 */
@CustodyApplicationTest
class ChildInIceCustodyTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noPathBooksTheTenYearOldIntoAdultDetentionAndTheFamilyGoesTogetherToAFamilyResidentialCenter() {
        String event = "FAC0001";
        String father = event + "-01";
        String son = event + "-02";
        proposedForIceDetention(event);
        assertThat(timeline(father)).contains("Transfer to ICE detention").contains("criminal history");
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        Map<String, Object> eloy = Map.of("iceFacility", "ELOY", "transferRecord", "father and son");

        Snapshot beforeHandOver = snapshot(father, son);
        refused(agent.complete(father, "Task_PrepareIceTransfer", eloy), "iceFacility", "is a child");
        refused(agent.complete(father, "Task_PrepareIceTransfer", Map.of("iceFacility", "Eloy Detention Center",
                "transferRecord", "father and son")), "iceFacility", "must be one of");
        refused(agent.complete(father, "Task_PrepareIceTransfer", Map.of("iceFacility", "HUTTO",
                "transferRecord", "father and son")), "iceFacility", "women and girls only");
        assertThat(snapshot(father, son)).as("nothing of the refused hand-overs recorded").isEqualTo(beforeHandOver);
        assertThat(openTasks(father, "Task_PrepareIceTransfer")).isEqualTo(1);

        assertThat(agent.complete(father, "Task_PrepareIceTransfer", Map.of("iceFacility", "DILLEY",
                "transferRecord", "father and son")).status()).isEqualTo(204);

        TasklistClient officer = new TasklistClient(ApiClient.as(port, "ice-officer"));
        Snapshot handedOver = snapshot(father, son);
        refused(officer.complete(father, "Task_AcceptIceTransfer", Map.of("iceFacility", "ELOY",
                "iceBookInNumber", "E-1")), "iceFacility", "is a child");
        String acceptance = officer.taskId(father, "Task_AcceptIceTransfer");
        refused(ApiClient.as(port, "ice-officer").post("/engine-rest/task/" + acceptance + "/submit-form",
                "{\"variables\": {\"iceFacility\": {\"value\": \"ELOY\"}, \"iceBookInNumber\": {\"value\": \"E-2\"}}}"),
                "iceFacility", "is a child");
        for (String caller : List.of("ice-officer", "ice-system")) {
            ApiClient ice = ApiClient.as(port, caller);
            refused(ice.post("/api/cases/" + father + "/ice-book-in", bookIn("ELOY", "E-3")), "facility",
                    "is a child");
            refused(ice.post("/api/cases/" + father + "/ice-book-in", bookIn("Eloy Detention Center", "E-4")),
                    "facility", "not a facility code");
            refused(ice.post("/api/cases/" + father + "/ice-book-in", bookIn("ORR-SH-TX-01", "E-5")), "facility",
                    "must be a facility of ICE");
        }
        assertThat(snapshot(father, son)).as("nothing of the refused book-ins recorded").isEqualTo(handedOver);
        assertThat(openTasks(father, "Task_AcceptIceTransfer")).isEqualTo(1);
        assertThat(count("ice_book_in", father)).isZero();

        ApiClient.Response booked = ApiClient.as(port, "ice-system").post("/api/cases/" + father + "/ice-book-in",
                bookIn("KARNES", "K-1"));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().get("facility").asText()).isEqualTo("KARNES");
        for (String member : List.of(father, son)) {
            assertThat(status(member)).isEqualTo("TRANSFERRED_TO_ICE");
            assertThat(timeline(member)).contains("Accepted into ICE custody at Karnes County Family Residential"
                    + " Center (KARNES)").contains("family custody limit");
        }
    }

    @Test
    void aSingleAdultIsBookedIntoAdultDetentionAndAWomensFacilityRefusesAMan() {
        String person = new Journeys(port).adultAwaitingIce("FAC0002");
        ApiClient ice = ApiClient.as(port, "ice-officer");
        refused(ice.post("/api/cases/" + person + "/ice-book-in", "{ \"facility\": \"HUTTO\", \"bookInNumber\":"
                + " \"H-1\", \"familyCustody\": false }"), "facility", "women and girls only");
        ApiClient.Response booked = ice.post("/api/cases/" + person + "/ice-book-in", "{ \"facility\": \"ELOY\","
                + " \"bookInNumber\": \"H-2\", \"familyCustody\": false }");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(timeline(person)).contains("Booked in by ICE at Eloy Detention Center (ELOY)");
    }

    @Test
    void orrsPlacementTakesACodeOfAnOrrCareProviderThatMayHoldTheChild() {
        String child = new Journeys(port).childAwaitingPlacement("FAC0003");
        ApiClient orr = ApiClient.as(port, "orr-system");
        Snapshot before = snapshot(child);
        refused(orr.post("/api/cases/" + child + "/orr-placement", placement("Casa Esperanza")), "facility",
                "not a facility code");
        refused(orr.post("/api/cases/" + child + "/orr-placement", placement("DILLEY")), "facility",
                "must be a facility of ORR");
        refused(orr.post("/api/cases/" + child + "/orr-placement", placement("ORR-SS-VA-01")), "facility",
                "aged 13 to 17");
        refused(new TasklistClient(ApiClient.as(port, "orr-liaison")).complete(child, "Task_DesignateOrrPlacement",
                Map.of("orrFacility", "ORR-SS-TX-01", "orrPlacementType", "STAFF_SECURE")), "orrFacility",
                "aged 13 to 17");
        assertThat(snapshot(child)).isEqualTo(before);
        assertThat(openTasks(child, "Task_DesignateOrrPlacement")).isEqualTo(1);

        ApiClient.Response placed = orr.post("/api/cases/" + child + "/orr-placement",
                placement("ORR-SH-AZ-02"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        assertThat(timeline(child)).contains("placement (Shelter) at ORR shelter care provider for girls (Tucson) (ORR-SH-AZ-02)");
    }

    @Test
    void everySignedInPersonReadsTheFacilitiesByKindAndAnUnknownKindIsRefusedNamingKind() {
        for (String user : List.of("agent", "supervisor", "ice-officer", "orr-liaison", "manager", "ice-system",
                "orr-system")) {
            ApiClient.Response all = ApiClient.as(port, user).get("/api/facilities");
            assertThat(all.status()).as(user).isEqualTo(200);
            assertThat(all.json().get("facilities").size()).isEqualTo(new Facilities().all().size());
        }
        JsonNode families = ApiClient.as(port, "agent").get("/api/facilities?kind=ICE_FAMILY_RESIDENTIAL_CENTER")
                .json().get("facilities");
        assertThat(families).extracting(facility -> facility.get("code").asText()).containsExactly("DILLEY", "KARNES");
        assertThat(families.get(0).get("name").asText()).isEqualTo("South Texas Family Residential Center");
        assertThat(families.get(0).get("agency").asText()).isEqualTo("ICE");
        assertThat(families.get(0).get("kind").asText()).isEqualTo("ICE_FAMILY_RESIDENTIAL_CENTER");
        assertThat(families.get(0).get("maxAge").asInt()).isEqualTo(120);
        refused(ApiClient.as(port, "agent").get("/api/facilities?kind=PRISON"), "kind", "must be one of");
        assertThat(ApiClient.anonymous(port).get("/api/facilities").status()).isEqualTo(401);
    }

    /** What a refusal must leave as it was: each case's status, timeline and partner events. */
    record Snapshot(List<String> statuses, List<Long> timelineEntries, List<Long> partnerEvents) {
    }

    private Snapshot snapshot(String... caseNumbers) {
        List<String> numbers = List.of(caseNumbers);
        return new Snapshot(numbers.stream().map(this::status).toList(),
                numbers.stream().map(number -> count("case_event", number)).toList(),
                numbers.stream().map(number -> count("partner_event", number)).toList());
    }

    private void proposedForIceDetention(String event) {
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.fatherAndTenYearOld(event));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake(event + "-01", true, Map.of("recordsCheckResult", "CRIMINAL_HISTORY",
                "processingPathway", "NTA"));
        agent.completeIntake(event + "-02", true);
        ApiClient.Response approved = new TasklistClient(ApiClient.as(port, "supervisor")).complete(event + "-01",
                "Task_ApproveCustodyOutcome", Map.of("approveProposal", "true"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    }

    private static void refused(ApiClient.Response response, String field, String why) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).contains(why);
    }

    private static String bookIn(String facility, String number) {
        return "{ \"facility\": \"" + facility + "\", \"bookInNumber\": \"" + number + "\", \"familyCustody\": true }";
    }

    private static String placement(String facility) {
        return "{ \"facility\": \"" + facility + "\", \"placementType\": \"SHELTER\" }";
    }

    private long openTasks(String caseNumber, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count();
    }

    private long count(String table, String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber).query(Long.class).single();
    }

    private String status(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber).json().get("status").asText();
    }

    private String timeline(String caseNumber) {
        return ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").body();
    }
}
