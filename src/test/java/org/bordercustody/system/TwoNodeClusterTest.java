package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.CustodyApplication;
import org.bordercustody.apprehension.ApprehensionRequest;
import org.bordercustody.apprehension.Apprehensions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one real PostgreSQL, as the application scales past one machine: 2,000 custody
 * timers fall due at once, and every one fires exactly once, on both nodes, without an incident.
 */
class TwoNodeClusterTest {

    static final int CASES = 1000;
    static final Duration WAIT_FOR_TIMERS = Duration.ofMinutes(5);

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        nodeA = node("nodeA", "node-a");
        nodeB = node("nodeB", "node-b");
    }

    @AfterAll
    static void stopNodesThenDatabase() throws Exception {
        ClockUtil.reset();
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        postgres.close();
    }

    @Test
    void twoThousandTimersDueAtOnceFireExactlyOnceOnBothNodes() throws Exception {
        Apprehensions recordApprehension = nodeA.getBean(Apprehensions.class);
        String apprehendedAt = Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(-7)).toString();
        for (int i = 0; i < CASES; i++) {
            recordApprehension.record(apprehension("CLU%04d".formatted(i), apprehendedAt), "agent");
        }
        ManagementService management = nodeA.getBean(ProcessEngine.class).getManagementService();
        assertThat(management.createJobQuery().timers().count()).isEqualTo(2L * CASES);

        Instant started = Instant.now();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(73))));
        while (management.createJobQuery().executable().count() > 0) {
            assertThat(Duration.between(started, Instant.now())).as("all timers fired in time").isLessThan(WAIT_FOR_TIMERS);
            Thread.sleep(500);
        }
        Duration firing = Duration.between(started, Instant.now());

        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_breach WHERE clock = 'CBP_HOLDING_LIMIT'").query(Long.class)
                .single()).as("one breach per case").isEqualTo(CASES);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE type = 'CUSTODY_LIMIT_WARNING'").query(Long.class)
                .single()).as("one warning per case").isEqualTo(CASES);
        var tasks = nodeA.getBean(ProcessEngine.class).getTaskService();
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_ReviewApproachingCustodyLimit").count())
                .as("each review ended when the limit was reached").isZero();
        assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_ResolveCustodyLimitBreach").count()).isEqualTo(CASES);
        assertThat(nodeA.getBean(ProcessEngine.class).getRuntimeService().createIncidentQuery().count()).isZero();
        assertThat(management.createJobQuery().withException().count()).isZero();

        Map<String, Long> byNode = new java.util.TreeMap<>();
        jdbc.sql("SELECT hostname_, COUNT(*) AS jobs FROM act_hi_job_log WHERE job_state_ = 2"
                        + " AND process_def_key_ = 'migrantCustody' GROUP BY hostname_")
                .query(rs -> {
                    byNode.put(rs.getString("hostname_"), rs.getLong("jobs"));
                });
        // The warning, the limit, and the limit reached before the review created at the warning.
        assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).as("each timer once").isEqualTo(3L * CASES);
        assertThat(byNode).containsOnlyKeys("node-a", "node-b");
        assertThat(byNode.values()).allSatisfy(jobs -> assertThat(jobs).isPositive());
        System.out.printf("cluster: %d timers fired in %d ms; by node %s%n", 2 * CASES, firing.toMillis(), byNode);
    }

    private static ApprehensionRequest apprehension(String eventNumber, String apprehendedAt) {
        return new ApprehensionRequest(eventNumber, apprehendedAt, new ApprehensionRequest.Location("TCA", "NOG"),
                List.of(new ApprehensionRequest.Person("p1", "Ramirez", "Jose", "1988-03-14", "M", "HN", null)));
    }

    private static ConfigurableApplicationContext node(String engineName, String hostname) {
        return new SpringApplicationBuilder(CustodyApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--camunda.bpm.process-engine-name=" + engineName,
                        "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        // The job log, which names the node that ran each job, is kept at full history only.
                        "--camunda.bpm.history-level=full");
    }
}
