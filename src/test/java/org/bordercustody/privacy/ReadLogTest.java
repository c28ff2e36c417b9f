package org.bordercustody.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read log: each entry point that returns a person's record writes exactly one entry per read, with the reader,
 * the case and the entry point; a refused read writes none. Only privacy officers read the log, and nobody changes
 * or deletes an entry.
 */
@CustodyApplicationTest
class ReadLogTest {

    /** An adult just apprehended: his case has the agent's intake task open, a person, events for ICE. */
    static final String ADULT = "RDL0001-01";
    /** An unaccompanied child's case, which ORR reads and ICE's system does not. */
    static final String CHILD = "RDL0002-02";
    static String adultTask;
    static String adultPerson;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** A read: who makes it, and the call; answers the status and the body. */
    record Read(String name, String user, Function<Fixture, ApiClient.Response> call) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** What the reads need: the server's port and the cases' task and person. */
    record Fixture(int port, String task, String person) {

        ApiClient.Response get(String user, String path) {
            return ApiClient.as(port, user).get(path);
        }

        ApiClient.Response getWithHeaders(String user, String path, Map<String, String> headers) {
            return ApiClient.as(port, user).send("GET", path, null, null, false, headers);
        }

        ApiClient.Response inTasklist(String user, String path) {
            ApiClient session = ApiClient.anonymous(port);
            assertThat(session.webappLogin("tasklist", user, user).status()).isEqualTo(200);
            return session.send("GET", path, null, null, false, Map.of("X-XSRF-TOKEN", session.webappCsrfToken()));
        }
    }

    static List<Arguments> entryPoints() {
        return List.of(
                Arguments.of(new Read("the case view", "agent", f -> f.get("agent", "/api/cases/" + ADULT)),
                        ReadVia.CASE_VIEW),
                Arguments.of(new Read("the timeline", "agent", f -> f.get("agent", "/api/cases/" + ADULT + "/timeline")),
                        ReadVia.TIMELINE),
                Arguments.of(new Read("the family", "supervisor",
                        f -> f.get("supervisor", "/api/cases/" + ADULT + "/family")), ReadVia.FAMILY),
                Arguments.of(new Read("a person opened from the search results", "agent",
                        f -> f.get("agent", "/api/people/" + f.person())), ReadVia.PERSON),
                Arguments.of(new Read("a task's card", "agent", f -> f.get("agent", "/api/tasks/" + f.task() + "/card")),
                        ReadVia.TASK_CARD),
                Arguments.of(new Read("a task's form variables in Tasklist", "agent", f -> f.inTasklist("agent",
                        "/camunda/api/engine/engine/default/task/" + f.task() + "/form-variables")), ReadVia.TASK_FORM),
                Arguments.of(new Read("a task's form variables through the REST API", "agent",
                        f -> f.get("agent", "/engine-rest/task/" + f.task() + "/form-variables")), ReadVia.TASK_FORM),
                Arguments.of(new Read("a task's variables through the REST API", "agent",
                        f -> f.get("agent", "/engine-rest/task/" + f.task() + "/variables")), ReadVia.TASK_VARIABLES),
                Arguments.of(new Read("one variable of a task", "agent",
                        f -> f.get("agent", "/engine-rest/task/" + f.task() + "/variables/custodyDeadline")),
                        ReadVia.TASK_VARIABLES),
                Arguments.of(new Read("Cockpit's case tab", "manager", f -> f.getWithHeaders("manager",
                        "/api/cases/" + ADULT, Map.of("X-Custody-Screen", "cockpit-case-tab"))),
                        ReadVia.COCKPIT_CASE_TAB));
    }

    static List<Read> refusedReads() {
        return List.of(
                new Read("an adult's case asked by ORR", "orr-liaison", f -> f.get("orr-liaison", "/api/cases/" + ADULT)),
                new Read("an adult's timeline asked by ORR", "orr-liaison",
                        f -> f.get("orr-liaison", "/api/cases/" + ADULT + "/timeline")),
                new Read("an adult's family asked by ORR", "orr-liaison",
                        f -> f.get("orr-liaison", "/api/cases/" + ADULT + "/family")),
                new Read("a case that does not exist", "agent", f -> f.get("agent", "/api/cases/RDL9999-01")),
                new Read("a malformed case number", "agent", f -> f.get("agent", "/api/cases/not-a-case")),
                new Read("a person who does not exist", "agent", f -> f.get("agent", "/api/people/" + UUID.randomUUID())),
                new Read("an adult's person page asked by ORR", "orr-liaison",
                        f -> f.get("orr-liaison", "/api/people/" + f.person())),
                new Read("an adult's task card asked by ORR", "orr-liaison",
                        f -> f.get("orr-liaison", "/api/tasks/" + f.task() + "/card")),
                new Read("an adult's task variables asked by ORR", "orr-liaison",
                        f -> f.get("orr-liaison", "/engine-rest/task/" + f.task() + "/variables")),
                new Read("an adult's task form asked by ORR", "orr-liaison",
                        f -> f.get("orr-liaison", "/engine-rest/task/" + f.task() + "/form-variables")),
                new Read("a variable the task does not have", "agent",
                        f -> f.get("agent", "/engine-rest/task/" + f.task() + "/variables/noSuchVariable")),
                new Read("the event feed asked by an agent", "agent", f -> f.get("agent", "/api/events")),
                new Read("a case asked by the privacy officer", "privacy-officer",
                        f -> f.get("privacy-officer", "/api/cases/" + ADULT)),
                new Read("a task's variables asked by the privacy officer", "privacy-officer",
                        f -> f.get("privacy-officer", "/engine-rest/task/" + f.task() + "/variables")));
    }

    @BeforeEach
    void recordCases() {
        if (adultPerson == null) {
            ApiClient agent = ApiClient.as(port, "agent");
            assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("RDL0001")).status())
                    .isEqualTo(201);
            assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.childWithAunt("RDL0002")).status())
                    .isEqualTo(201);
            JsonNode tasks = agent.get("/engine-rest/task?processInstanceBusinessKey=" + ADULT).json();
            assertThat(tasks).as("the adult's open task").hasSize(1);
            adultTask = tasks.get(0).get("id").asText();
            adultPerson = jdbc.sql("SELECT CAST(person_id AS VARCHAR) FROM custody_case WHERE case_number = :n")
                    .param("n", ADULT).query(String.class).single();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void eachEntryPointWritesExactlyOneEntryPerRead(Read read, ReadVia via) {
        long before = entries();
        long ofThisReadBefore = entries(read.user(), via, ADULT);

        ApiClient.Response response = read.call().apply(fixture());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(entries(read.user(), via, ADULT) - ofThisReadBefore).as("entries of this read").isEqualTo(1);
        assertThat(entries() - before).as("entries in all").isEqualTo(1);

        read.call().apply(fixture());
        assertThat(entries(read.user(), via, ADULT) - ofThisReadBefore).as("a second read, a second entry").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedReads")
    void aRefusedReadWritesNone(Read read) {
        long before = entries();

        ApiClient.Response response = read.call().apply(fixture());

        assertThat(response.status()).as(response.body()).isIn(400, 403, 404);
        assertThat(entries()).as("no entry").isEqualTo(before);
    }

    @Test
    void thePartnerFeedWritesOneEntryPerCaseWhoseEventsItReturned() {
        String released = new Journeys(port).releasedAdult("RDL0003");
        long before = entries();

        List<JsonNode> events = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        Set<String> casesPerPage = new HashSet<>();
        long expected = 0;
        long pagesWithTheRelease = 0;
        while (true) {
            JsonNode page = ApiClient.as(port, "ice-system")
                    .get("/api/events?limit=500" + (cursor == null ? "" : "&after=" + cursor)).json();
            if (page.get("events").isEmpty()) {
                break;
            }
            casesPerPage.clear();
            page.get("events").forEach(event -> casesPerPage.add(event.get("subject").asText()));
            page.get("events").forEach(events::add);
            expected += casesPerPage.size();
            pagesWithTheRelease += casesPerPage.contains(released) ? 1 : 0;
            pages++;
            cursor = page.get("next").asText();
        }

        assertThat(events).as("the release is ICE's").anyMatch(event -> event.get("subject").asText().equals(released));
        assertThat(events).as("a child's events are not").noneMatch(event -> event.get("subject").asText().equals(CHILD));
        assertThat(entries() - before).as("one entry per case of each page, " + pages + " pages").isEqualTo(expected);
        assertThat(pagesWithTheRelease).isPositive();
        assertThat(entries("ice-system", ReadVia.PARTNER_EVENTS, released))
                .as("the released man's case, once per page that returned his events").isEqualTo(pagesWithTheRelease);
        assertThat(entries("ice-system", ReadVia.PARTNER_EVENTS, CHILD)).isZero();
    }

    @Test
    void thePrivacyOfficerReadsWhoReadACaseNewestFirst() {
        ApiClient.as(port, "agent").get("/api/cases/" + ADULT);
        ApiClient.as(port, "supervisor").get("/api/cases/" + ADULT + "/timeline");
        ApiClient.as(port, "agent").get("/api/people/" + adultPerson);

        ApiClient.Response response = ApiClient.as(port, "privacy-officer").get("/api/cases/" + ADULT + "/reads");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode reads = response.json().get("reads");
        assertThat((long) reads.size()).as("the case's entries and its person page's").isEqualTo(entriesOfCase(ADULT));
        assertThat(reads.get(0).get("userId").asText()).isEqualTo("agent");
        assertThat(reads.get(0).get("via").asText()).isEqualTo("PERSON");
        assertThat(reads.get(0).get("viaWords").asText()).isEqualTo("a person's page, as a search result opens it");
        assertThat(reads.get(0).get("caseNumber").asText()).isEqualTo(ADULT);
        assertThat(reads.get(1).get("userId").asText()).isEqualTo("supervisor");
        assertThat(reads.get(1).get("via").asText()).isEqualTo("TIMELINE");
        assertThat(reads.get(2).get("via").asText()).isEqualTo("CASE_VIEW");
        List<String> times = new ArrayList<>();
        reads.forEach(read -> times.add(read.get("at").asText()));
        assertThat(times).as("newest first").isSortedAccordingTo(java.util.Comparator.<String>naturalOrder().reversed());
    }

    @Test
    void thePrivacyOfficerReadsWhichRecordsAUserRead() {
        ApiClient.as(port, "ice-officer").get("/api/cases/" + ADULT + "/family");

        ApiClient.Response response = ApiClient.as(port, "privacy-officer").get("/api/users/ice-officer/reads");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode reads = response.json().get("reads");
        assertThat((long) reads.size()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM case_read WHERE user_id = 'ice-officer'")
                .query(Long.class).single());
        assertThat(reads.get(0).get("caseNumber").asText()).isEqualTo(ADULT);
        assertThat(reads.get(0).get("via").asText()).isEqualTo("FAMILY");
        assertThat(reads).allMatch(read -> read.get("userId").asText().equals("ice-officer"));
    }

    @Test
    void anUnknownCaseOrUserHasNoReads() {
        ApiClient officer = ApiClient.as(port, "privacy-officer");

        assertThat(officer.get("/api/cases/RDL9998-01/reads").json().get("reads")).isEmpty();
        assertThat(officer.get("/api/users/nobody-here/reads").json().get("reads")).isEmpty();
    }

    @Test
    void thePrivacyOfficerReachesNothingButTheLog() {
        ApiClient officer = ApiClient.as(port, "privacy-officer");
        long before = entries();

        for (String path : List.of("/api/cases/" + ADULT, "/api/cases/" + ADULT + "/timeline",
                "/api/cases/" + ADULT + "/family", "/api/people?name=Ramirez", "/api/people/" + adultPerson,
                "/api/tasks/" + adultTask + "/card", "/api/events", "/api/reports/custody-now", "/actuator/prometheus",
                "/engine-rest/task", "/engine-rest/task/" + adultTask + "/form-variables",
                "/engine-rest/process-instance", "/engine-rest/variable-instance", "/engine-rest/history/process-instance")) {
            assertThat(officer.get(path).status()).as(path).isEqualTo(403);
        }
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            ApiClient browser = ApiClient.anonymous(port);
            assertThat(browser.webappLogin(app, "privacy-officer", "privacy-officer").status()).as(app).isEqualTo(403);
        }
        assertThat(entries()).as("no read of a record, so no entry").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"admin", "agent", "supervisor", "ice-officer",
            "orr-liaison", "manager", "ice-system", "orr-system"})
    void nobodyButAPrivacyOfficerReadsTheLog(String user) {
        ApiClient.as(port, "agent").get("/api/cases/" + ADULT);
        ApiClient client = ApiClient.as(port, user);

        ApiClient.Response ofCase = client.get("/api/cases/" + ADULT + "/reads");
        ApiClient.Response ofUser = client.get("/api/users/agent/reads");

        assertThat(ofCase.status()).as(ofCase.body()).isEqualTo(403);
        assertThat(ofUser.status()).as(ofUser.body()).isEqualTo(403);
        assertThat(ofCase.body() + ofUser.body()).doesNotContain("CASE_VIEW").doesNotContain("\"reads\"");
        assertThat(ApiClient.anonymous(port).get("/api/cases/" + ADULT + "/reads").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "DELETE, /api/cases/" + ADULT + "/reads", "PUT, /api/cases/" + ADULT + "/reads",
        "POST, /api/cases/" + ADULT + "/reads", "PATCH, /api/cases/" + ADULT + "/reads",
        "DELETE, /api/users/agent/reads", "PUT, /api/users/agent/reads", "POST, /api/users/agent/reads",
        "PATCH, /api/users/agent/reads"})
    void nobodyChangesOrDeletesAnEntry(String method, String path) {
        ApiClient.as(port, "agent").get("/api/cases/" + ADULT);
        List<Map<String, Object>> before = rows();
        String entry = "[{\"at\": \"2020-01-01T00:00:00Z\", \"userId\": \"nobody\", \"via\": \"CASE_VIEW\"}]";

        for (String user : List.of("privacy-officer", "admin", "agent", "manager")) {
            ApiClient.Response response = ApiClient.as(port, user).send(method, path, "application/json",
                    entry.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, Map.of());
            assertThat(response.status()).as(user + ": " + response.body()).isIn(403, 405);
        }

        assertThat(rows()).as("every entry as it was").isEqualTo(before);
    }

    @Test
    void eachReadIsCountedByItsEntryPointAndNoSeriesNamesTheReaderOrTheCase() {
        double before = readsCounted("CASE_VIEW");

        ApiClient.as(port, "agent").get("/api/cases/" + ADULT);

        assertThat(readsCounted("CASE_VIEW") - before).isEqualTo(1);
        String exposition = ApiClient.as(port, "manager").get("/actuator/prometheus").body();
        List<String> series = exposition.lines().filter(line -> line.startsWith("custody_record_reads")).toList();
        assertThat(series).anyMatch(line -> line.startsWith("custody_record_reads_max_cases_per_user_last_hour "));
        assertThat(series).allSatisfy(line -> assertThat(line).doesNotContain("agent").doesNotContain("RDL0001")
                .doesNotContain("user_id").doesNotContain(adultPerson));
    }

    private double readsCounted(String via) {
        String exposition = ApiClient.as(port, "manager").get("/actuator/prometheus").body();
        return exposition.lines().filter(line -> line.startsWith("custody_record_reads_total{")
                        && line.contains("via=\"" + via + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT id, case_number, person_id, user_id, via, read_at FROM case_read ORDER BY id")
                .query().listOfRows();
    }

    private long entriesOfCase(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM case_read WHERE case_number = :n").param("n", caseNumber)
                .query(Long.class).single();
    }

    private Fixture fixture() {
        return new Fixture(port, adultTask, adultPerson);
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM case_read").query(Long.class).single();
    }

    private long entries(String user, ReadVia via, String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM case_read WHERE user_id = :user AND via = :via AND case_number = :n")
                .param("user", user).param("via", via.name()).param("n", caseNumber).query(Long.class).single();
    }
}
