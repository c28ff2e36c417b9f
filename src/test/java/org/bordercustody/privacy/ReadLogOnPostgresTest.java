package org.bordercustody.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.PostgresTestDatabase;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The read log on PostgreSQL: entries with and without a person, a case's reads with its person page's, the meter. */
@CustodyApplicationTest
@Import(PostgresTestDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "camunda.bpm.webapp.enabled=false")
class ReadLogOnPostgresTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void readsAreLoggedAndAnsweredToThePrivacyOfficer() {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("RDLPG01")).status()).isEqualTo(201);
        String person = jdbc.sql("SELECT CAST(person_id AS VARCHAR) FROM custody_case WHERE case_number = 'RDLPG01-01'")
                .query(String.class).single();

        assertThat(agent.get("/api/cases/RDLPG01-01").status()).isEqualTo(200);
        assertThat(agent.get("/api/people/" + person).status()).isEqualTo(200);

        JsonNode reads = ApiClient.as(port, "privacy-officer").get("/api/cases/RDLPG01-01/reads").json().get("reads");
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).get("via").asText()).isEqualTo("PERSON");
        assertThat(reads.get(1).get("via").asText()).isEqualTo("CASE_VIEW");
        assertThat(ApiClient.as(port, "privacy-officer").get("/api/users/agent/reads").json().get("reads")).hasSize(2);
        String exposition = ApiClient.as(port, "manager").get("/actuator/prometheus").body();
        assertThat(exposition).contains("custody_record_reads_max_cases_per_user_last_hour 1.0");
    }
}
