package org.bordercustody.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person, not a case number: identifiers, every encounter, one open case at most, links made and undone. */
@CustodyApplicationTest
class PeopleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @Test
    void perezIsRefusedASecondCaseWhileHeldAndAfterHisReleaseHisNextApprehensionJoinsHimAndEndsTheCheckInWait() {
        ApiClient agent = ApiClient.as(port, "agent");
        ApiClient agentInTheValley = ApiClient.as(port, "agent-rgv");
        JsonNode first = agent.post("/api/apprehensions", perez("PPL0001", "SDC", "CHU", ApprehensionFixtures.hoursAgo(95),
                "\"aNumber\": \"A-201-555-012\"")).json();
        String firstCase = first.get("cases").get(0).get("caseNumber").asText();
        String personId = first.get("cases").get(0).get("personId").asText();
        assertThat(first.get("cases").get(0).get("priorEncounters")).isEmpty();
        Map<String, Long> before = counts();

        ApiClient.Response again = agentInTheValley.post("/api/apprehensions", perez("PPL0002", "RGV", "MCA",
                ApprehensionFixtures.hoursAgo(2), "\"aNumber\": \"A201555012\""));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("persons[0].identifiers", firstCase,
                "in CBP custody at station CHU, sector SDC");
        assertThat(counts()).isEqualTo(before);

        new TasklistClient(agent).completeIntake(firstCase, false);
        new Journeys(port).release(firstCase);
        ApiClient.Response later = agentInTheValley.post("/api/apprehensions", perez("PPL0003", "RGV", "MCA",
                ApprehensionFixtures.hoursAgo(1), "\"aNumber\": \"A201555012\", \"fin\": \"1234567890\""));

        assertThat(later.status()).as(later.body()).isEqualTo(201);
        JsonNode encounter = later.json().get("cases").get(0);
        assertThat(encounter.get("personId").asText()).isEqualTo(personId);
        assertThat(encounter.get("priorEncounters")).extracting(JsonNode::asText).containsExactly(firstCase);
        JsonNode earlier = agent.get("/api/cases/" + firstCase).json();
        assertThat(earlier.get("status").asText()).isEqualTo("RE_ENCOUNTERED");
        assertThat(agent.get("/api/cases/" + firstCase + "/timeline").json()).extracting(e -> e.get("type").asText())
                .contains("RE_ENCOUNTERED").doesNotContain("CLOCK_BREACHED");
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("EndEvent_ReEncountered")
                .processInstanceId(releaseFollowUpOf(firstCase)).count()).isEqualTo(1);
        JsonNode view = agentInTheValley.get("/api/cases/PPL0003-01").json();
        assertThat(view.get("personId").asText()).isEqualTo(personId);
        assertThat(view.get("person").get("familyName").asText()).isEqualTo("Perez");
        assertThat(view.get("person").get("identifiers").get("aNumber").asText()).isEqualTo("A201555012");
        assertThat(view.get("person").get("identifiers").get("fin").asText()).isEqualTo("1234567890");
        assertThat(view.get("sector").asText()).isEqualTo("RGV");
        assertThat(view.get("station").asText()).isEqualTo("MCA");
        assertThat(view.get("earlierEncounters").get(0).get("caseNumber").asText()).isEqualTo(firstCase);
        assertThat(view.get("earlierEncounters").get(0).get("status").asText()).isEqualTo("RE_ENCOUNTERED");
        assertThat(agentInTheValley.get("/api/cases/PPL0003-01/timeline").json()).extracting(e -> e.get("description").asText())
                .anyMatch(text -> text.contains("Earlier release of case " + firstCase));
        assertThat(agent.get("/api/cases/PPL0003-01").status()).as("the Valley's case is not San Diego's")
                .isEqualTo(404);
        JsonNode page = ApiClient.as(port, "manager").get("/api/people/" + personId).json();
        assertThat(page.get("encounters")).extracting(e -> e.get("encounter").get("caseNumber").asText())
                .containsExactly("PPL0003-01", firstCase);
        assertThat(page.get("encounters").get(1).get("timeline")).extracting(e -> e.get("type").asText())
                .endsWith("RE_ENCOUNTERED");
    }

    @Test
    void aFinRecordedAtIntakeThatIsAKnownPersonsJoinsTheEncounterToThemAndTellsPartners() {
        Journeys journeys = new Journeys(port);
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", person("PPL0101", "Castillo", "Marco Antonio", "1990-05-05",
                "SV", "")).status()).isEqualTo(201);
        new TasklistClient(agent).completeIntake("PPL0101-01", false, Map.of("fin", "5550101000"));
        journeys.release("PPL0101-01");
        assertThat(agent.post("/api/apprehensions", person("PPL0102", "Castiyo", "Marco", "1990-05-06", "SV", ""))
                .status()).isEqualTo(201);
        String known = agent.get("/api/cases/PPL0101-01").json().get("personId").asText();
        assertThat(agent.get("/api/cases/PPL0102-01").json().get("personId").asText()).isNotEqualTo(known);

        new TasklistClient(agent).completeIntake("PPL0102-01", false, Map.of("fin", "555 0101 000"));

        assertThat(agent.get("/api/cases/PPL0102-01").json().get("personId").asText()).isEqualTo(known);
        assertThat(agent.get("/api/cases/PPL0101-01").json().get("status").asText()).isEqualTo("RE_ENCOUNTERED");
        assertThat(agent.get("/api/cases/PPL0102-01/timeline").json()).extracting(e -> e.get("description").asText())
                .anyMatch(text -> text.contains("The same person as in case PPL0101-01 (the FIN 5550101000 is theirs)"));
        List<String> types = partnerEventTypes("PPL0102-01");
        assertThat(types).contains("gov.dhs.border-custody.case.encounter-linked");
        assertThat(partnerEventTypes("PPL0101-01")).contains("gov.dhs.border-custody.case.identifiers-recorded",
                "gov.dhs.border-custody.case.re-encountered");
    }

    @Test
    void aNameOnlyMatchIsAskedNeverLinkedByItselfAndASupervisorUndoesAWrongLinkWithAReason() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", person("PPL0201", "Quispe Huamán", "Rosa Elena", "1979-02-14", "PE", ""));
        new TasklistClient(agent).completeIntake("PPL0201-01", false);
        new Journeys(port).release("PPL0201-01");
        String earlier = agent.get("/api/cases/PPL0201-01").json().get("personId").asText();

        agent.post("/api/apprehensions", person("PPL0202", "Quispe-Huaman", "Rosa", "1979-02-14", "PE", ""));

        String newPerson = agent.get("/api/cases/PPL0202-01").json().get("personId").asText();
        assertThat(newPerson).isNotEqualTo(earlier);
        TasklistClient tasklist = new TasklistClient(agent);
        String intake = tasklist.taskId("PPL0202-01", "Task_RecordIntake");
        JsonNode shown = agent.get("/engine-rest/task/" + intake + "/form-variables").json();
        assertThat(shown.get("probableMatch").get("value").asText())
                .startsWith("Quispe Huamán, Rosa Elena, born 1979-02-14, Peru, apprehended")
                .contains("case PPL0201-01", "Released to Dallas, TX");
        Map<String, Object> intakeAnswers = Map.of("biometricsStatus", "CAPTURED", "recordsCheckResult", "CLEAR",
                "medicalScreening", "NO_CONCERNS", "processingPathway", "NTA_OR", "flightRisk", "LOW");
        ApiClient.Response unanswered = tasklist.completeTask(intake, intakeAnswers);
        assertThat(unanswered.status()).isEqualTo(400);
        assertThat(unanswered.body()).contains("samePersonAsEarlier");
        assertThat(tasklist.taskId("PPL0202-01", "Task_RecordIntake")).isEqualTo(intake);
        assertThat(agent.get("/api/cases/PPL0202-01").json().get("personId").asText()).isEqualTo(newPerson);

        Map<String, Object> same = new java.util.HashMap<>(intakeAnswers);
        same.put("samePersonAsEarlier", "SAME_PERSON");
        assertThat(tasklist.completeTask(intake, same).status()).isEqualTo(204);
        assertThat(agent.get("/api/cases/PPL0202-01").json().get("personId").asText()).isEqualTo(earlier);
        assertThat(agent.get("/api/cases/PPL0201-01").json().get("status").asText()).isEqualTo("RE_ENCOUNTERED");

        ApiClient supervisor = ApiClient.as(port, "supervisor");
        assertThat(agent.post("/api/cases/PPL0202-01/person-link/undo", "{\"reason\": \"another woman\"}").status())
                .isEqualTo(403);
        ApiClient.Response noReason = supervisor.post("/api/cases/PPL0202-01/person-link/undo", "{\"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).contains("reason");
        assertThat(agent.get("/api/cases/PPL0202-01").json().get("personId").asText()).isEqualTo(earlier);

        ApiClient.Response undone = supervisor.post("/api/cases/PPL0202-01/person-link/undo",
                "{\"reason\": \"fingerprints show another woman\"}");

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(agent.get("/api/cases/PPL0202-01").json().get("personId").asText()).isEqualTo(newPerson);
        assertThat(agent.get("/api/cases/PPL0202-01").json().get("priorEncounters")).isEmpty();
        assertThat(agent.get("/api/cases/PPL0202-01/timeline").json()).extracting(e -> e.get("type").asText())
                .containsSubsequence("PERSON_LINKED", "PERSON_LINK_UNDONE");
        assertThat(agent.get("/api/cases/PPL0202-01/timeline").json()).extracting(e -> e.get("description").asText())
                .anyMatch(text -> text.contains("fingerprints show another woman"));
        assertThat(supervisor.post("/api/cases/PPL0202-01/person-link/undo", "{\"reason\": \"again\"}").status())
                .isEqualTo(409);
    }

    @Test
    void anotherDateOfBirthOrAnotherCountryIsNoProbableMatch() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", person("PPL0301", "Tzul Ixcoy", "Bartolome", "1984-08-08", "GT", ""));
        agent.post("/api/apprehensions", person("PPL0302", "Tzul Ixcoy", "Bartolome", "1984-08-09", "GT", ""));
        agent.post("/api/apprehensions", person("PPL0303", "Tzul Ixcoy", "Bartolome", "1984-08-08", "MX", ""));
        agent.post("/api/apprehensions", person("PPL0304", "Ixcoy Tzul", "Bartolomé", "1984-08-08", "GT", ""));
        TasklistClient tasklist = new TasklistClient(agent);

        assertThat(tasklist.asksIfSamePerson(tasklist.taskId("PPL0302-01", "Task_RecordIntake"))).isFalse();
        assertThat(tasklist.asksIfSamePerson(tasklist.taskId("PPL0303-01", "Task_RecordIntake"))).isFalse();
        assertThat(tasklist.asksIfSamePerson(tasklist.taskId("PPL0304-01", "Task_RecordIntake"))).isTrue();
    }

    @Test
    void identifiersThatAreMalformedOrNameTwoPeopleAreRefusedNamingTheFieldAndNothingIsRecorded() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", person("PPL0401", "Mendoza", "Luisa", "1991-01-01", "HN",
                ", \"identifiers\": { \"aNumber\": \"A777000111\" }"));
        agent.post("/api/apprehensions", person("PPL0402", "Mendoza", "Carla", "1993-03-03", "HN",
                ", \"identifiers\": { \"fin\": \"7770001110\" }"));
        Map<String, Long> before = counts();

        assertRefused(agent.post("/api/apprehensions", person("PPL0403", "Mendoza", "Ana", "1995-05-05", "HN",
                ", \"identifiers\": { \"aNumber\": \"A77700011\" }")), 201, null);
        before = counts();
        assertRefused(agent.post("/api/apprehensions", person("PPL0404", "Mendoza", "Eva", "1995-05-05", "HN",
                ", \"identifiers\": { \"aNumber\": \"777000111\" }")), 400, "persons[0].identifiers.aNumber");
        assertRefused(agent.post("/api/apprehensions", person("PPL0405", "Mendoza", "Eva", "1995-05-05", "HN",
                ", \"identifiers\": { \"fin\": \"77O0001110\" }")), 400, "persons[0].identifiers.fin");
        assertRefused(agent.post("/api/apprehensions", person("PPL0406", "Mendoza", "Eva", "1995-05-05", "HN",
                ", \"identifiers\": { \"aNumber\": \"A777000111\", \"fin\": \"7770001110\" }")), 409,
                "persons[0].identifiers.fin");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anIdentifierAlreadyAnotherPersonsIsRefusedAtIntakeNamingTheFieldAndTheTaskStaysOpen() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", person("PPL0501", "Rojas", "Ines", "1970-07-07", "CO",
                ", \"identifiers\": { \"aNumber\": \"A555000111\", \"fin\": \"5550001110\" }"));
        agent.post("/api/apprehensions", person("PPL0502", "Rojas", "Pablo", "1972-02-02", "CO",
                ", \"identifiers\": { \"aNumber\": \"A555000222\" }"));
        TasklistClient tasklist = new TasklistClient(agent);
        String intake = tasklist.taskId("PPL0502-01", "Task_RecordIntake");
        Map<String, Long> before = counts();

        ApiClient.Response refused = tasklist.completeTask(intake, Map.of("biometricsStatus", "CAPTURED",
                "recordsCheckResult", "CLEAR", "medicalScreening", "NO_CONCERNS", "processingPathway", "NTA_OR",
                "flightRisk", "LOW", "fin", "5550001110"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("fin", "PPL0501-01");
        assertThat(tasklist.taskId("PPL0502-01", "Task_RecordIntake")).isEqualTo(intake);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOrrLiaisonSearchingAnAdultsExactNameAndANumberGetsTheAnswerOfAPersonWhoDoesNotExist() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", person("PPL0601", "Zamora Bello", "Edgar", "1980-06-06", "NI",
                ", \"identifiers\": { \"aNumber\": \"A606000111\" }"));
        String adult = agent.get("/api/cases/PPL0601-01").json().get("personId").asText();
        ApiClient orr = ApiClient.as(port, "orr-liaison");
        ApiClient manager = ApiClient.as(port, "manager");
        String real = "/api/people?name=Edgar%20Zamora%20Bello&dateOfBirth=1980-06-06&aNumber=A606000111";
        String missing = "/api/people?name=Edgardo%20Zamorano%20Bellido&dateOfBirth=1980-06-06&aNumber=A606000999";

        ApiClient.Response refused = orr.get(real);
        ApiClient.Response nobody = orr.get(missing);

        assertThat(manager.get(real).json().get("people")).hasSize(1);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).isEqualTo(nobody.body()).isEqualTo("{\"people\":[]}");
        ApiClient.Response page = orr.get("/api/people/" + adult);
        ApiClient.Response noPage = orr.get("/api/people/" + UUID.randomUUID());
        assertThat(page.status()).isEqualTo(404);
        assertThat(noPage.status()).isEqualTo(404);
        assertThat(page.json().get("title").asText()).isEqualTo(noPage.json().get("title").asText());
        assertThat(manager.get("/api/people/" + adult).status()).isEqualTo(200);
        assertThat(ApiClient.as(port, "ice-system").get(real).status()).isEqualTo(403);
        assertThat(ApiClient.as(port, "orr-system").get(real).status()).isEqualTo(403);
    }

    @Test
    void aSearchWithoutACriterionOrWithAnOverlongOrMalformedOneIsRefusedNamingTheField() {
        ApiClient manager = ApiClient.as(port, "manager");
        Map<String, String> refusals = Map.of(
                "/api/people", "name",
                "/api/people?limit=5", "name",
                "/api/people?name=" + "a".repeat(1000), "name",
                "/api/people?name=Robert%27)%3B%20DROP%20TABLE%20person%3B--", "name",
                "/api/people?dateOfBirth=95-07-07", "dateOfBirth",
                "/api/people?aNumber=201555012", "aNumber",
                "/api/people?fin=12AB", "fin",
                "/api/people?number=sdc%20001", "number",
                "/api/people?name=perez&limit=51", "limit",
                "/api/people?name=perez&limit=0x10", "limit");
        refusals.forEach((path, field) -> {
            ApiClient.Response response = manager.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).as(path).startsWith(field + ": ");
        });
        assertThat(manager.get("/api/people/not-a-person").status()).isEqualTo(400);
    }

    @Test
    void theCardAndTheApprovalFormShowEarlierEncountersAndAnEarlierMissedCheckInProposesDetention() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", person("PPL0701", "Solis Mora", "Kendra", "1986-12-12", "CR",
                ", \"identifiers\": { \"aNumber\": \"A707000111\" }"));
        new TasklistClient(agent).completeIntake("PPL0701-01", false);
        new Journeys(port).release("PPL0701-01");
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(
                            java.time.Duration.ofDays(61))));
            for (var job : managementService.createJobQuery().processInstanceId(releaseFollowUpOf("PPL0701-01")).timers()
                    .executable().list()) {
                managementService.executeJob(job.getId());
            }
            assertThat(agent.get("/api/cases/PPL0701-01").json().get("status").asText()).isEqualTo("CHECK_IN_OVERDUE");
            agent.post("/api/apprehensions", person("PPL0702", "Solis Mora", "Kendra", "1986-12-12", "CR",
                    ", \"identifiers\": { \"aNumber\": \"A707000111\" }"));
            TasklistClient tasklist = new TasklistClient(agent);
            String intake = tasklist.taskId("PPL0702-01", "Task_RecordIntake");
            assertThat(agent.get("/api/tasks/" + intake + "/card").json().get("earlierEncounters").asText())
                    .isEqualTo("1 earlier encounter, a check-in missed");
            tasklist.completeIntake("PPL0702-01", false);

            TasklistClient supervisor = new TasklistClient(ApiClient.as(port, "supervisor"));
            String approval = supervisor.taskId("PPL0702-01", "Task_ApproveCustodyOutcome");
            JsonNode form = ApiClient.as(port, "supervisor").get("/engine-rest/task/" + approval + "/form-variables")
                    .json();
            assertThat(form.get("earlierEncounters").get("value").asText()).contains("case PPL0701-01",
                    "Released to Dallas, TX; missed the check-in, then apprehended again");
            assertThat(agent.get("/api/cases/PPL0701-01/timeline").json()).extracting(e -> e.get("description").asText())
                    .anyMatch(text -> text.startsWith("Located: apprehended again as case PPL0702-01"));
            assertThat(agent.get("/api/cases/PPL0702-01/timeline").json()).extracting(e -> e.get("description").asText())
                    .anyMatch(text -> text.contains("missed the check-in after an earlier release"));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private void assertRefused(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().get("detail").asText()).contains(field);
        }
    }

    /** What an apprehension or a link would add to or change in the people and case tables. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("apprehension_event", "custody_case", "person", "person_identifier", "person_link",
                "encounter_name_key", "probable_match", "case_event", "partner_event")) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("merged", jdbc.sql("SELECT COUNT(*) FROM person WHERE merged_into IS NOT NULL")
                .query(Long.class).single());
        counts.put("statuses", (long) jdbc.sql("SELECT case_number || status || person_id FROM custody_case")
                .query(String.class).list().hashCode());
        return counts;
    }

    /** The release follow-up of a released person's case, running or ended. */
    private String releaseFollowUpOf(String caseNumber) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(org.bordercustody.custody.ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private List<String> partnerEventTypes(String caseNumber) {
        return jdbc.sql("SELECT type FROM partner_event WHERE case_number = :c ORDER BY id").param("c", caseNumber)
                .query(String.class).list();
    }

    static String perez(String eventNumber, String sector, String station, String at, String identifiers) {
        return """
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "%s", "station": "%s" },
                  "persons": [ { "ref": "p1", "familyName": "Perez", "givenNames": "Juan Carlos", "dateOfBirth": "1995-07-07",
                                 "sex": "M", "countryOfCitizenship": "HN", "identifiers": { %s } } ] }
                """.formatted(eventNumber, at, sector, station, identifiers);
    }

    static String person(String eventNumber, String familyName, String givenNames, String dateOfBirth,
            String country, String more) {
        return """
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "SDC", "station": "CHU" },
                  "persons": [ { "ref": "p1", "familyName": "%s", "givenNames": "%s", "dateOfBirth": "%s",
                                 "sex": "F", "countryOfCitizenship": "%s"%s } ] }
                """.formatted(eventNumber, ApprehensionFixtures.hoursAgo(2), familyName, givenNames, dateOfBirth,
                country, more);
    }

    static UUID uuid(JsonNode node) {
        return UUID.fromString(node.asText());
    }
}
