package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.Journeys;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of malformed requests to every case API endpoint. Each gets a 4xx problem+json that names the
 * offending field where there is one, and none changes a row or starts a process.
 */
@CustodyApplicationTest
class BadInputCorpusTest {

    static final List<String> TABLES = List.of("apprehension_event", "custody_case", "family_link", "case_event",
            "custody_breach", "release_address");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;

    record Bad(String name, String user, String method, String path, String body, int status, String field) {
    }

    static List<Bad> corpus() {
        String valid = ApprehensionFixtures.singleAdult("BAD0001");
        String family = ApprehensionFixtures.family("BAD0002");
        List<Bad> bad = new ArrayList<>();
        // POST /api/apprehensions
        apprehension(bad, "event number of the wrong type", valid.replace("\"BAD0001\"", "1234"), "eventNumber");
        apprehension(bad, "event number missing", valid.replace("\"eventNumber\": \"BAD0001\",", ""), "eventNumber");
        apprehension(bad, "event number in lower case", valid.replace("\"BAD0001\"", "\"bad0001\""), "eventNumber");
        apprehension(bad, "event number too long", valid.replace("\"BAD0001\"", "\"" + "A".repeat(33) + "\""), "eventNumber");
        apprehension(bad, "event number with SQL", valid.replace("\"BAD0001\"", "\"X' OR '1'='1\""), "eventNumber");
        apprehension(bad, "time missing", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\",", ""), "apprehendedAt");
        apprehension(bad, "time of the wrong type", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": 1764040440"), "apprehendedAt");
        apprehension(bad, "time without offset", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2026-11-25T03:14:00\""), "apprehendedAt");
        apprehension(bad, "date without time", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2026-11-25\""), "apprehendedAt");
        apprehension(bad, "time in the future", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2099-01-01T00:00:00Z\""), "apprehendedAt");
        apprehension(bad, "time too old", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2001-01-01T00:00:00Z\""), "apprehendedAt");
        apprehension(bad, "time not a time", valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"yesterday evening\""), "apprehendedAt");
        apprehension(bad, "location missing", valid.replace("\"location\": { \"sector\": \"SDC\", \"station\": \"CHU\" },", ""), "location");
        apprehension(bad, "sector missing", valid.replace("\"sector\": \"SDC\", ", ""), "location.sector");
        apprehension(bad, "sector in lower case", valid.replace("\"SDC\"", "\"sdc\""), "location.sector");
        apprehension(bad, "station with a script", valid.replace("\"CHU\"", "\"<script>x</script>\""), "location.station");
        apprehension(bad, "unknown location field", valid.replace("\"station\": \"CHU\"", "\"station\": \"CHU\", \"gate\": 4"), "location.gate");
        apprehension(bad, "persons missing", valid.replaceFirst("(?s),\\s*\"persons\": \\[.*\\]", ""), "persons");
        apprehension(bad, "persons empty", valid.replaceFirst("(?s)\"persons\": \\[.*\\]", "\"persons\": []"), "persons");
        apprehension(bad, "persons not a list", valid.replaceFirst("(?s)\"persons\": \\[(.*)\\]", "\"persons\": $1"), "persons");
        apprehension(bad, "a hundred persons", hundredPersons(), "persons");
        apprehension(bad, "a person that is null", valid.replaceFirst("(?s)\"persons\": \\[.*\\]", "\"persons\": [null]"), "persons[0]");
        apprehension(bad, "ref missing", valid.replace("\"ref\": \"p1\", ", ""), "persons[0].ref");
        apprehension(bad, "ref with spaces", valid.replace("\"p1\"", "\"p 1\""), "persons[0].ref");
        apprehension(bad, "two persons with one ref", family.replace("\"son\", \"familyName\"", "\"mother\", \"familyName\""), "persons[1].ref");
        apprehension(bad, "family name missing", valid.replace("\"familyName\": \"Ramirez\", ", ""), "persons[0].familyName");
        apprehension(bad, "family name empty", valid.replace("\"Ramirez\"", "\"\""), "persons[0].familyName");
        apprehension(bad, "family name too long", valid.replace("\"Ramirez\"", "\"" + "R".repeat(101) + "\""), "persons[0].familyName");
        apprehension(bad, "family name with a script", valid.replace("\"Ramirez\"", "\"<img src=x onerror=alert(1)>\""), "persons[0].familyName");
        apprehension(bad, "given names with SQL", valid.replace("\"Jose\"", "\"Robert'); DROP TABLE custody_case;--\""), "persons[0].givenNames");
        apprehension(bad, "family name with a control character", valid.replace("\"Ramirez\"", "\"Ram\\u0007irez\""), "persons[0].familyName");
        apprehension(bad, "given names with a line break", valid.replace("\"Jose\"", "\"Jo\\nse\""), "persons[0].givenNames");
        apprehension(bad, "date of birth after the apprehension", valid.replace("\"1988-03-14\"", "\"2030-01-01\""), "persons[0].dateOfBirth");
        apprehension(bad, "date of birth in another form", valid.replace("\"1988-03-14\"", "\"14/03/1988\""), "persons[0].dateOfBirth");
        apprehension(bad, "date of birth two centuries ago", valid.replace("\"1988-03-14\"", "\"1820-03-14\""), "persons[0].dateOfBirth");
        apprehension(bad, "date of birth of the wrong type", valid.replace("\"1988-03-14\"", "[1988, 3, 14]"), "persons[0].dateOfBirth");
        apprehension(bad, "sex missing", valid.replace("\"sex\": \"M\", ", ""), "persons[0].sex");
        apprehension(bad, "sex unknown", valid.replace("\"sex\": \"M\"", "\"sex\": \"male\""), "persons[0].sex");
        apprehension(bad, "country in lower case", valid.replace("\"HN\"", "\"hn\""), "persons[0].countryOfCitizenship");
        apprehension(bad, "country unknown", valid.replace("\"HN\"", "\"XX\""), "persons[0].countryOfCitizenship");
        apprehension(bad, "person accompanying themselves", valid.replace("\"HN\" }", "\"HN\", \"accompaniedBy\": [ { \"ref\": \"p1\", \"relationship\": \"PARENT\" } ] }"), "persons[0].accompaniedBy[0].ref");
        apprehension(bad, "companion not in the event", valid.replace("\"HN\" }", "\"HN\", \"accompaniedBy\": [ { \"ref\": \"p9\", \"relationship\": \"PARENT\" } ] }"), "persons[0].accompaniedBy[0].ref");
        apprehension(bad, "companion listed twice", family.replace("[ { \"ref\": \"mother\", \"relationship\": \"PARENT\" } ] },", "[ { \"ref\": \"mother\", \"relationship\": \"PARENT\" }, { \"ref\": \"mother\", \"relationship\": \"PARENT\" } ] },"), "persons[1].accompaniedBy[1].ref");
        apprehension(bad, "relationship unknown", family.replaceFirst("\"PARENT\"", "\"COUSIN\""), "persons[1].accompaniedBy[0].relationship");
        apprehension(bad, "relationship missing", family.replaceFirst(", \"relationship\": \"PARENT\"", ""), "persons[1].accompaniedBy[0].relationship");
        apprehension(bad, "parents in a cycle", family.replace("\"sex\": \"F\", \"countryOfCitizenship\": \"GT\" },", "\"sex\": \"F\", \"countryOfCitizenship\": \"GT\", \"accompaniedBy\": [ { \"ref\": \"son\", \"relationship\": \"PARENT\" } ] },"), "persons[0].accompaniedBy");
        apprehension(bad, "companions not a list", family.replaceFirst("\\[ \\{ \"ref\": \"mother\", \"relationship\": \"PARENT\" \\} \\]", "\"mother\""), "persons[1].accompaniedBy");
        apprehension(bad, "unknown field", valid.replace("{ \"eventNumber\"", "{ \"priority\": 1, \"eventNumber\""), "priority");
        apprehension(bad, "a field given twice", valid.replace("{ \"eventNumber\": \"BAD0001\",", "{ \"eventNumber\": \"BAD0001\", \"eventNumber\": \"BAD0009\","), null);
        apprehension(bad, "not JSON", "{ this is not json", null);
        apprehension(bad, "empty body", "", null);
        apprehension(bad, "a list instead of an object", "[" + valid + "]", null);
        apprehension(bad, "JSON nested 2,000 deep", "{\"eventNumber\": \"BAD0003\", \"persons\": " + "[".repeat(2000) + "]".repeat(2000) + "}", null);
        bad.add(new Bad("body over 1 MiB", "agent", "POST", "/api/apprehensions",
                valid.replace("\"Jose\"", "\"" + "J".repeat(1100 * 1024) + "\""), 413, null));
        bad.add(new Bad("not JSON content", "agent", "POST-TEXT", "/api/apprehensions", valid, 415, null));
        // GET /api/cases/{caseNumber} and its timeline
        bad.add(new Bad("case number malformed", "agent", "GET", "/api/cases/abc", null, 400, "caseNumber"));
        bad.add(new Bad("case number with SQL", "agent", "GET", "/api/cases/X'%20OR%201=1--", null, 400, "caseNumber"));
        bad.add(new Bad("case number too long", "agent", "GET", "/api/cases/" + "A".repeat(40) + "-01", null, 400, "caseNumber"));
        bad.add(new Bad("case unknown", "agent", "GET", "/api/cases/NONE0001-01", null, 404, null));
        bad.add(new Bad("timeline of a malformed case number", "agent", "GET", "/api/cases/%3Cscript%3E/timeline", null, 400, "caseNumber"));
        bad.add(new Bad("timeline of an unknown case", "agent", "GET", "/api/cases/NONE0001-01/timeline", null, 404, null));
        // POST /api/cases/{caseNumber}/check-ins
        String checkIns = "/api/cases/{RELEASED}/check-ins";
        bad.add(new Bad("check-in without offset", "ice-officer", "POST", checkIns, "{\"reportedAt\": \"2026-12-20T15:00:00\", \"office\": \"Houston ERO\"}", 400, "reportedAt"));
        bad.add(new Bad("check-in without time", "ice-officer", "POST", checkIns, "{\"office\": \"Houston ERO\"}", 400, "reportedAt"));
        bad.add(new Bad("check-in without office", "ice-officer", "POST", checkIns, "{\"reportedAt\": \"2026-12-20T15:00:00Z\"}", 400, "office"));
        bad.add(new Bad("check-in office too long", "ice-officer", "POST", checkIns, "{\"reportedAt\": \"2026-12-20T15:00:00Z\", \"office\": \"" + "O".repeat(101) + "\"}", 400, "office"));
        bad.add(new Bad("check-in unknown field", "ice-officer", "POST", checkIns, "{\"reportedAt\": \"2026-12-20T15:00:00Z\", \"office\": \"X\", \"late\": true}", 400, "late"));
        bad.add(new Bad("check-in not JSON", "ice-officer", "POST", checkIns, "reported", 400, null));
        bad.add(new Bad("check-in of a malformed case number", "ice-officer", "POST", "/api/cases/bad/check-ins", "{\"reportedAt\": \"2026-12-20T15:00:00Z\", \"office\": \"X\"}", 400, "caseNumber"));
        bad.add(new Bad("check-in of an unknown case", "ice-officer", "POST", "/api/cases/NONE0001-01/check-ins", "{\"reportedAt\": \"2026-12-20T15:00:00Z\", \"office\": \"X\"}", 404, null));
        bad.add(new Bad("check-in of a person still in custody", "ice-officer", "POST", "/api/cases/{IN_CUSTODY}/check-ins", "{\"reportedAt\": \"{NOW}\", \"office\": \"X\"}", 409, null));
        bad.add(new Bad("check-in before the release", "ice-officer", "POST", checkIns, "{\"reportedAt\": \"2026-01-01T00:00:00Z\", \"office\": \"X\"}", 400, "reportedAt"));
        // POST /api/cases/{caseNumber}/orr-placement
        String placement = "/api/cases/{WAITING_CHILD}/orr-placement";
        bad.add(new Bad("placement type unknown", "orr-liaison", "POST", placement, "{\"facility\": \"Casa\", \"placementType\": \"HOTEL\"}", 400, "placementType"));
        bad.add(new Bad("placement facility blank", "orr-liaison", "POST", placement, "{\"facility\": \" \", \"placementType\": \"SHELTER\"}", 400, "facility"));
        bad.add(new Bad("placement unknown field", "orr-liaison", "POST", placement, "{\"facility\": \"Casa\", \"placementType\": \"SHELTER\", \"beds\": 2}", 400, "beds"));
        bad.add(new Bad("placement of a malformed case number", "orr-liaison", "POST", "/api/cases/x/orr-placement", "{\"facility\": \"Casa\", \"placementType\": \"SHELTER\"}", 400, "caseNumber"));
        bad.add(new Bad("placement of an adult's case", "orr-liaison", "POST", "/api/cases/{IN_CUSTODY}/orr-placement", "{\"facility\": \"Casa\", \"placementType\": \"SHELTER\"}", 404, null));
        // GET /api/reports/custody-metrics
        bad.add(new Bad("metrics without from", "manager", "GET", "/api/reports/custody-metrics?to=2026-11-30", null, 400, "from"));
        bad.add(new Bad("metrics with a malformed from", "manager", "GET", "/api/reports/custody-metrics?from=11/01/2026&to=2026-11-30", null, 400, "from"));
        bad.add(new Bad("metrics with to before from", "manager", "GET", "/api/reports/custody-metrics?from=2026-11-30&to=2026-11-01", null, 400, "to"));
        bad.add(new Bad("metrics over two years", "manager", "GET", "/api/reports/custody-metrics?from=2024-01-01&to=2026-01-01", null, 400, "to"));
        return bad;
    }

    @Test
    void everyMalformedRequestIsRefusedWithAProblemNamingTheFieldAndChangesNothing() {
        Map<String, String> cases = casesTheRequestsCouldChange();
        List<Bad> corpus = corpus().stream().map(bad -> new Bad(bad.name(), bad.user(), bad.method(),
                substitute(bad.path(), cases), bad.body() == null ? null : substitute(bad.body(), cases), bad.status(),
                bad.field())).toList();
        Map<String, Long> rowsBefore = rowCounts();
        Map<String, String> statesBefore = states(cases);
        long processesBefore = runtimeService.createProcessInstanceQuery().count();
        List<String> failures = new ArrayList<>();

        for (Bad bad : corpus) {
            ApiClient client = ApiClient.as(port, bad.user());
            ApiClient.Response response = switch (bad.method()) {
                case "GET" -> client.get(bad.path());
                case "POST-TEXT" -> client.postText(bad.path(), bad.body());
                default -> client.post(bad.path(), bad.body());
            };
            if (response.status() != bad.status()) {
                failures.add(bad.name() + ": status " + response.status() + " " + response.body());
            } else if (!response.contentType().startsWith("application/problem+json")) {
                failures.add(bad.name() + ": content type " + response.contentType());
            } else if (bad.field() != null && !bad.field().equals(response.json().path("field").asText())) {
                failures.add(bad.name() + ": field " + response.json().path("field").asText() + ", " + response.body());
            }
        }

        assertThat(failures).isEmpty();
        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(states(cases)).isEqualTo(statesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    /**
     * Cases in the state a request to them would change: a released person waiting for the check-in, a child waiting
     * for an ORR placement, an adult in custody; the bad requests aim at them, so "changes nothing" can fail.
     */
    private Map<String, String> casesTheRequestsCouldChange() {
        Journeys journeys = new Journeys(port);
        journeys.releasedAdult("BAD0010");
        journeys.childAwaitingPlacement("BAD0011");
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("BAD0012")).status())
                .isEqualTo(201);
        return Map.of("RELEASED", "BAD0010-01", "WAITING_CHILD", "BAD0011-02", "IN_CUSTODY", "BAD0012-01",
                "NOW", ApprehensionFixtures.hoursAgo(0));
    }

    private Map<String, String> states(Map<String, String> cases) {
        Map<String, String> states = new java.util.TreeMap<>();
        for (String key : List.of("RELEASED", "WAITING_CHILD", "IN_CUSTODY")) {
            String caseNumber = cases.get(key);
            states.put(caseNumber, ApiClient.as(port, "admin").get("/api/cases/" + caseNumber).json().get("status").asText()
                    + " " + runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                    .stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).sorted().toList() + " " + jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = :c").param("c", caseNumber)
                    .query(Long.class).single());
        }
        return states;
    }

    private static String substitute(String text, Map<String, String> cases) {
        String result = text;
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            result = result.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return result;
    }

    private static void apprehension(List<Bad> bad, String name, String body, String field) {
        bad.add(new Bad(name, "agent", "POST", "/api/apprehensions", body, 400, field));
    }

    private static String hundredPersons() {
        StringBuilder persons = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            persons.append(i == 0 ? "" : ", ").append("{ \"ref\": \"p").append(i).append("\", \"familyName\": \"Ramirez\", "
                    + "\"givenNames\": \"Jose\", \"sex\": \"M\", \"countryOfCitizenship\": \"HN\" }");
        }
        return ApprehensionFixtures.singleAdult("BAD0004").replaceFirst("(?s)\"persons\": \\[.*\\]",
                "\"persons\": [" + persons + "]");
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
