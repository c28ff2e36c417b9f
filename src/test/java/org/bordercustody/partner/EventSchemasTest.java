package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every event type has a JSON Schema and an example in docs/events/; the examples hold to their schemas, and so does
 * every event the application writes on the journeys that produce each type.
 */
@CustodyApplicationTest
class EventSchemasTest {

    static final Path EVENTS = Path.of("docs", "events");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachTypeHasASchemaAndAnExampleThatHoldsToIt() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (var files = Files.list(EVENTS)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .forEach(name -> documented.add(name.replace(".schema.json", "")));
        }
        assertThat(documented).as("a schema for each type, none for a type that does not exist")
                .containsExactlyInAnyOrderElementsOf(PartnerEvents.TYPES);
        for (String type : PartnerEvents.TYPES) {
            JsonNode example = JSON.readTree(EVENTS.resolve(type + ".example.json").toFile());
            assertThat(schemaOf(type).validate(example)).as(type + " example").isEmpty();
            assertThat(example.get("type").asText()).isEqualTo(PartnerEvents.TYPE_PREFIX + type);
        }
        JsonNode released = JSON.readTree(EVENTS.resolve("released.example.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) released.get("data")).put("dateOfBirth", "1988-03-14");
        assertThat(schemaOf("released").validate(released)).as("a field the contract does not list").isNotEmpty();
    }

    @Test
    void everyEventTheJourneysWriteHoldsToTheSchemaOfItsType() throws IOException {
        Journeys journeys = new Journeys(port);
        String released = journeys.releasedAdult("SCH0001");
        String toIce = journeys.adultAwaitingIce("SCH0002");
        String child = journeys.childAwaitingPlacement("SCH0003");
        ApiClient.as(port, "ice-system").post("/api/cases/" + toIce + "/ice-book-in",
                "{ \"facility\": \"PISPC\", \"bookInNumber\": \"B-SCH2\", \"familyCustody\": false }");
        ApiClient orr = ApiClient.as(port, "orr-system");
        orr.post("/api/cases/" + child + "/orr-placement", "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\" }");
        new TasklistClient(ApiClient.as(port, "orr-liaison")).complete(child, "Task_ConfirmTransferToOrr",
                Map.of("orrReceivedBy", "M. Garza"));
        String removed = journeys.adultAfterIntake("SCH0004");
        new TasklistClient(ApiClient.as(port, "supervisor")).complete(removed, "Task_ApproveCustodyOutcome", Map.of(
                "approveProposal", "false", "overrideOutcome", "EXPEDITED_REMOVAL", "overrideReason", "final order on file"));
        new TasklistClient(ApiClient.as(port, "agent")).complete(removed, "Task_RecordRemoval",
                Map.of("departurePort", "Hidalgo"));
        ApiClient.as(port, "ice-system").post("/api/cases/" + released + "/check-ins",
                "{ \"reportedAt\": \"" + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Dallas ERO\" }");
        journeys.releasedAdult("SCH0005");
        journeys.releasedAdult("SCH0007", Map.of("fin", "5550007777"));
        journeys.adultAfterIntake("SCH0008", Map.of("fin", "5550007777"));
        ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.fatherAndTenYearOld("SCH0009"));
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake("SCH0009-01", true, Map.of("recordsCheckResult", "CRIMINAL_HISTORY"));
        agent.completeIntake("SCH0009-02", true);
        new TasklistClient(ApiClient.as(port, "supervisor")).complete("SCH0009-01", "Task_ApproveCustodyOutcome",
                Map.of("approveProposal", "true", "familySeparation", "SEPARATE", "separationReason", "PROSECUTION",
                        "separationNote", "referred for prosecution", "separateChild1", true));
        orr.post("/api/cases/SCH0009-02/family/reunification",
                "{ \"parentCaseNumber\": \"SCH0009-01\", \"note\": \"charges dropped\" }");
        ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.singleAdult("SCH0006", ApprehensionFixtures.hoursAgo(73)));
        runDueJobs();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(61))));
        runDueJobs();

        Map<String, List<JsonNode>> byType = new HashMap<>();
        for (JsonNode event : PartnerTests.allEvents(ApiClient.as(port, "manager"))) {
            if (event.get("subject").asText().startsWith("SCH")) {
                byType.computeIfAbsent(event.get("type").asText().replace(PartnerEvents.TYPE_PREFIX, ""),
                        type -> new ArrayList<>()).add(event);
            }
        }
        assertThat(byType.keySet()).as("the journeys write every type")
                .containsAll(PartnerEvents.TYPES);
        for (Map.Entry<String, List<JsonNode>> type : byType.entrySet()) {
            Schema schema = schemaOf(type.getKey());
            for (JsonNode event : type.getValue()) {
                assertThat(schema.validate(event)).as(type.getKey() + ": " + event).isEmpty();
            }
        }
    }

    private static Schema schemaOf(String type) throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(EVENTS.resolve(type + ".schema.json")));
    }

    /** The due jobs of this test's cases only: other tests share the application and its clock. */
    private void runDueJobs() {
        for (Job job : managementService.createJobQuery().executable().list()) {
            if (job.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                    .processInstanceId(job.getProcessInstanceId())
                    .processInstanceBusinessKeyLike("SCH%").count() > 0) {
                managementService.executeJob(job.getId());
            }
        }
    }

}
