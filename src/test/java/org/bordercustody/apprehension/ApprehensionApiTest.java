package org.bordercustody.apprehension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CustodyApplicationTest
class ApprehensionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsOneCasePerPersonWithTheCaseNumberAsBusinessKey() {
        ApiClient.Response response = agent().post("/api/apprehensions", ApprehensionFixtures.family("API0001"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("eventNumber").asText()).isEqualTo("API0001");
        assertThat(body.get("cases")).extracting(c -> c.get("ref").asText() + "=" + c.get("caseNumber").asText())
                .containsExactly("mother=API0001-01", "son=API0001-02", "daughter=API0001-03");
        for (String caseNumber : List.of("API0001-01", "API0001-02", "API0001-03")) {
            assertThat(runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber, "migrantCustody").count()).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT apprehended_offset FROM apprehension_event WHERE event_number = 'API0001'")
                .query(String.class).single()).isEqualTo("-07:00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM family_link l JOIN custody_case c ON c.case_number = l.case_number"
                + " WHERE c.event_number = 'API0001'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSameEventSentAgainReturnsTheSameCasesWith200() {
        String body = ApprehensionFixtures.singleAdult("API0002");
        ApiClient.Response first = agent().post("/api/apprehensions", body);
        ApiClient.Response again = agent().post("/api/apprehensions", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("cases")).isEqualTo(first.json().get("cases"));
        assertThat(cases("API0002")).isEqualTo(1);
    }

    @Test
    void theSameEventNumberWithAnotherBodyIsAConflictAndChangesNothing() {
        agent().post("/api/apprehensions", ApprehensionFixtures.singleAdult("API0003"));

        ApiClient.Response conflict = agent().post("/api/apprehensions", ApprehensionFixtures.family("API0003"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asText()).contains("API0003");
        assertThat(cases("API0003")).isEqualTo(1);
    }

    static List<Arguments> invalidApprehensions() {
        String valid = ApprehensionFixtures.singleAdult("API0100");
        return List.of(
                Arguments.of(valid.replace("\"API0100\"", "\"api 0100\""), "eventNumber"),
                Arguments.of(valid.replace("\"eventNumber\": \"API0100\",", ""), "eventNumber"),
                Arguments.of(valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2026-11-25T03:14:00\""),
                        "apprehendedAt"),
                Arguments.of(valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2099-01-01T00:00:00Z\""),
                        "apprehendedAt"),
                Arguments.of(valid.replaceFirst("\"apprehendedAt\": \"[^\"]+\"", "\"apprehendedAt\": \"2020-01-01T00:00:00Z\""),
                        "apprehendedAt"),
                Arguments.of(valid.replace("\"1988-03-14\"", "\"2099-03-14\""), "persons[0].dateOfBirth"),
                Arguments.of(valid.replace("\"1988-03-14\"", "19880314"), "persons[0].dateOfBirth"),
                Arguments.of(valid.replace("\"Ramirez\"", "\"<script>alert(1)</script>\""), "persons[0].familyName"),
                Arguments.of(valid.replace("\"Jose\"", "\"x'; DROP TABLE custody_case; --\""), "persons[0].givenNames"),
                Arguments.of(valid.replace("\"sex\": \"M\"", "\"sex\": \"male\""), "persons[0].sex"),
                Arguments.of(valid.replace("\"HN\"", "\"ZZ\""), "persons[0].countryOfCitizenship"),
                Arguments.of(valid.replace("\"HN\" }", "\"HN\", \"accompaniedBy\": [ { \"ref\": \"p1\", "
                        + "\"relationship\": \"PARENT\" } ] }"), "persons[0].accompaniedBy[0].ref"),
                Arguments.of(valid.replace("\"HN\" }", "\"HN\", \"accompaniedBy\": [ { \"ref\": \"p2\", "
                        + "\"relationship\": \"COUSIN\" } ] }"), "persons[0].accompaniedBy[0].relationship"),
                Arguments.of(valid.replace("\"station\": \"CHU\"", "\"station\": \"CHU\", \"gate\": 4"), "location.gate"),
                Arguments.of(valid.replace("\"persons\": [", "\"persons\": [], \"x\": ["), "x"),
                Arguments.of(valid.replaceFirst("(?s)\"persons\": \\[.*\\]", "\"persons\": []"), "persons"));
    }

    @ParameterizedTest
    @MethodSource("invalidApprehensions")
    void anInvalidApprehensionIsRefusedNamingTheFieldAndChangesNothing(String body, String field) {
        long casesBefore = jdbc.sql("SELECT COUNT(*) FROM custody_case").query(Long.class).single();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        ApiClient.Response response = agent().post("/api/apprehensions", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.json().get("detail").asText()).startsWith(field + ": ");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case").query(Long.class).single()).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsProblemJson() {
        ApiClient.Response response = agent().post("/api/apprehensions", "{ not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownCaseIs404AndAMalformedCaseNumberIs400() {
        assertThat(agent().get("/api/cases/NOPE0001-01").status()).isEqualTo(404);
        ApiClient.Response malformed = agent().get("/api/cases/drop%20table");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("caseNumber");
    }

    private ApiClient agent() {
        return ApiClient.as(port, "agent");
    }

    private long cases(String eventNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE event_number = :event").param("event", eventNumber)
                .query(Long.class).single();
    }
}
