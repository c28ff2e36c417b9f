package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.sql.DataSource;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.PostgresTestDatabase;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The application on a real PostgreSQL 17: schema, migrations and the main path of a family's case. */
@CustodyApplicationTest
@Import(PostgresTestDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// Camunda's web apps keep state for the whole JVM; only the shared H2 context of the browser tests serves them.
@TestPropertySource(properties = "camunda.bpm.webapp.enabled=false")
class ApplicationOnPostgresTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    org.bordercustody.custody.CustodyCaseRepository custodyCases;

    @Test
    void runsOnPostgresql17WithTheMigrationsAppliedAndTheModelsDeployed() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(17);
        }
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .query(String.class).list()).contains("1", "2");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("migrantCustody").count())
                .isEqualTo(1);
        assertThat(repositoryService.createDecisionDefinitionQuery().list()).extracting("key")
                .containsExactlyInAnyOrder("familyStatus", "familyUnitPlacement", "releaseEligibility");
    }

    @Test
    void engineTablesHaveTheDueDateIndexesAndPermissionStatistics() {
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename IN ('act_ru_job', 'act_ru_task')")
                .query(String.class).list())
                .anyMatch(definition -> definition.contains("ix_act_ru_job_duedate ") && definition.contains("(duedate_)"))
                .anyMatch(definition -> definition.contains("ix_act_ru_task_due_date ")
                        && definition.contains("(due_date_)"));
        assertThat(jdbc.sql("SELECT stxname FROM pg_statistic_ext").query(String.class).list())
                .contains("st_act_ru_auth_read", "st_act_ru_auth_read_task", "st_act_ru_auth_read_instance");
    }

    @Test
    void familyCaseRunsFromApprehensionToPlacementOnPostgresql() {
        ApiClient agent = ApiClient.as(port, "agent");
        String family = ApprehensionFixtures.family("PG0001");
        assertThat(agent.post("/api/apprehensions", family).status()).isEqualTo(201);
        assertThat(agent.post("/api/apprehensions", family).status()).isEqualTo(200);
        TasklistClient tasklist = new TasklistClient(agent);
        for (String member : List.of("PG0001-01", "PG0001-02", "PG0001-03")) {
            tasklist.completeIntake(member, true);
        }

        JsonNode mother = agent.get("/api/cases/PG0001-01").json();
        assertThat(mother.get("classification").asText()).isEqualTo("FAMILY_UNIT_MEMBER");
        assertThat(mother.get("placement").asText()).isEqualTo("FAMILY_RELEASE_REVIEW");
        assertThat(mother.get("apprehendedAt").asText()).endsWith("Z");
        assertThat(agent.get("/api/cases/PG0001-02/timeline").json()).extracting(e -> e.get("type").asText())
                .contains("APPREHENDED", "FAMILY_STATUS_DECIDED", "PLACEMENT_DECIDED");
    }

    @Test
    void theReportCountsByMonthAndStationOnPostgresqlWithTheHoursItKeeps() {
        org.bordercustody.reporting.ReportFixtures cases = new org.bordercustody.reporting.ReportFixtures(jdbc);
        cases.seed("PGR1001", "SDC", "CHU", "2013-05-30T10:00:00Z", "2013-06-01T12:30:00Z", "REMOVED");
        cases.seed("PGR1002", "RGV", "MCA", "2013-06-10T00:00:00Z", null, "IN_CBP_CUSTODY");
        cases.breach("PGR1002", "CBP_HOLDING_LIMIT", "2013-06-13T00:00:00Z");
        cases.seed("PGR1003", "SDC", "CHU", "2013-06-01T00:00:00Z", null, "IN_CBP_CUSTODY");
        custodyCases.leaveCbpCustody("PGR1003-01", org.bordercustody.custody.CaseStatus.REMOVED,
                java.time.Instant.parse("2013-06-02T01:06:00Z"));
        ApiClient manager = ApiClient.as(port, "manager");

        com.fasterxml.jackson.databind.JsonNode months = manager
                .get("/api/reports/custody-metrics?from=2013-05-01&to=2013-06-30&by=month").json();
        com.fasterxml.jackson.databind.JsonNode stations = manager
                .get("/api/reports/custody-metrics?from=2013-05-01&to=2013-06-30&by=station").json();

        assertThat(months.get("rows").get(0).get("month").asText()).isEqualTo("2013-05");
        assertThat(months.get("rows").get(0).get("apprehended").asLong()).isEqualTo(1);
        assertThat(months.get("rows").get(1).get("custodyEnded").asLong()).isEqualTo(2);
        assertThat(months.get("rows").get(1).get("maxHoursInCustody").asDouble()).isEqualTo(50.5);
        assertThat(months.get("rows").get(1).get("custodyLimitBreaches").asLong()).isEqualTo(1);
        assertThat(stations.get("rows")).extracting(row -> row.get("station").asText() + " "
                + row.get("apprehended").asLong()).containsExactly("MCA 1", "CHU 2");
        assertThat(jdbc.sql("SELECT cbp_custody_tenths FROM custody_case WHERE case_number = 'PGR1003-01'")
                .query(Integer.class).single()).as("25 h 6 min, kept as custody ended").isEqualTo(251);
    }
}
