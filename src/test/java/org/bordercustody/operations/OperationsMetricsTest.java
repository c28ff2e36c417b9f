package org.bordercustody.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The operations meters on /actuator/prometheus, for a known population, against the case tables: people held by
 * band, the CBP clock running, near and past its limit, children awaiting ORR, releases, apprehensions per sector;
 * and no label or value that names a person or a case.
 */
@CustodyApplicationTest
@TestPropertySource(properties = {"custody.metrics.refresh-interval=0s", "custody.metrics.population-refresh-interval=0s"})
class OperationsMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMetersCountTheKnownPopulationAsTheCaseTablesDo() {
        Map<String, Double> before = scrape();
        ApiClient agent = ApiClient.as(port, "agent");
        record(agent, ApprehensionFixtures.singleAdult("OPS0001", ApprehensionFixtures.hoursAgo(2)));
        record(agent, ApprehensionFixtures.singleAdult("OPS0002", ApprehensionFixtures.hoursAgo(73)));
        record(agent, ApprehensionFixtures.singleAdult("OPS0003", ApprehensionFixtures.hoursAgo(71)));
        ApiClient agentInTheValley = ApiClient.as(port, "agent-rgv");
        record(agentInTheValley, ApprehensionFixtures.inRioGrandeValley(ApprehensionFixtures.childWithAunt("OPS0004")));
        new TasklistClient(agentInTheValley).completeIntake("OPS0004-01", false);
        new TasklistClient(agentInTheValley).completeIntake("OPS0004-02", false);
        new Journeys(port).releasedAdult("OPS0005");

        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "custody_in_cbp_custody", "hours_held=\"72h+\"")).isEqualTo(1);
        assertThat(delta(before, after, "custody_in_cbp_custody", "hours_held=\"0-12h\"")).isEqualTo(3);
        assertThat(delta(before, after, "custody_in_cbp_custody", "hours_held=\"48-72h\"")).isEqualTo(1);
        assertThat(delta(before, after, "custody_clock_cases", "clock=\"CBP_HOLDING_LIMIT\"", "state=\"past_limit\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "custody_clock_cases", "clock=\"CBP_HOLDING_LIMIT\"", "state=\"near_limit\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "custody_clock_cases", "clock=\"CBP_HOLDING_LIMIT\"",
                "state=\"near_limit_no_open_task\"")).as("the case near its limit has its intake task open").isZero();
        assertThat(delta(before, after, "custody_unaccompanied_children_awaiting_orr")).isEqualTo(1);
        assertThat(delta(before, after, "custody_released_total")).isEqualTo(1);
        assertThat(delta(before, after, "custody_left_cbp_custody_last_day", "hours_held=\"0-12h\"")).isEqualTo(1);
        assertThat(delta(before, after, "custody_apprehended_total", "sector=\"SDC\"")).isEqualTo(4);
        assertThat(delta(before, after, "custody_apprehended_total", "sector=\"RGV\"")).isEqualTo(2);

        assertThat(sum(after, "custody_in_cbp_custody")).isEqualTo(count("status = 'IN_CBP_CUSTODY'"));
        assertThat(Prometheus.value(after, "custody_clock_cases", "clock=\"CBP_HOLDING_LIMIT\"", "state=\"past_limit\""))
                .isEqualTo(count("status = 'IN_CBP_CUSTODY' AND custody_deadline <= CURRENT_TIMESTAMP"));
        assertThat(sum(after, "custody_left_cbp_custody_last_day")).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM custody_case"
                + " WHERE left_cbp_custody_at > CURRENT_TIMESTAMP - INTERVAL '1' DAY").query(Long.class).single().doubleValue());
        assertThat(Prometheus.value(after, "custody_unaccompanied_children_awaiting_orr"))
                .isEqualTo(count("status = 'IN_CBP_CUSTODY' AND classification = 'UNACCOMPANIED_CHILD'"));
        assertThat(Prometheus.value(after, "camunda_jobs_due")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void noSeriesNamesAPersonOrACase() {
        record(ApiClient.as(port, "agent"), ApprehensionFixtures.singleAdult("OPS0010").replace("Ramirez", "Quillfeather"));

        String exposition = ApiClient.as(port, "manager").get("/actuator/prometheus").body();

        List<String> personal = jdbc.sql("SELECT family_name FROM custody_case").query(String.class).list();
        assertThat(exposition).contains("custody_clock_cases").doesNotContain("Quillfeather").doesNotContain("OPS0010");
        assertThat(personal).allSatisfy(name -> assertThat(exposition).doesNotContain("\"" + name + "\""));
        assertThat(exposition.lines().filter(line -> line.startsWith("custody_") || line.startsWith("camunda_jobs")
                || line.startsWith("camunda_incidents")).toList())
                .allSatisfy(line -> assertThat(line).doesNotContainPattern("[A-Z]{3}\\d{4}-\\d{2}"));
    }

    private Map<String, Double> scrape() {
        ApiClient.Response response = ApiClient.as(port, "manager").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return Prometheus.samples(response.body());
    }

    /** How much a sample grew; a counter first seen in the later scrape grew from zero. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
        double earlier;
        try {
            earlier = Prometheus.value(before, name, labels);
        } catch (AssertionError notYetCounted) {
            earlier = 0;
        }
        return Prometheus.value(after, name, labels) - earlier;
    }

    private static double sum(Map<String, Double> samples, String name) {
        return samples.entrySet().stream().filter(sample -> sample.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private double count(String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE " + condition).query(Long.class).single();
    }

    private static void record(ApiClient agent, String apprehension) {
        assertThat(agent.post("/api/apprehensions", apprehension).status()).isEqualTo(201);
    }
}
