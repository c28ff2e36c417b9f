package org.bordercustody.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A real Prometheus (Debian's package) scrapes the application every second with the project's alert rules: the
 * legal-limit alert fires when a person passes the 72-hour limit and resolves when the person leaves CBP custody.
 */
@CustodyApplicationTest
@TestPropertySource(properties = {"custody.metrics.refresh-interval=0s", "custody.metrics.population-refresh-interval=0s"})
class PrometheusAlertTest {

    static final String ALERT = "CustodyLegalLimitPassed";

    @LocalServerPort
    int port;
    @TempDir
    Path directory;
    Process prometheus;
    int prometheusPort;

    @BeforeAll
    static void requirePrometheus() {
        assumeTrue(Prometheus.installed(), "Prometheus test skipped: no /usr/bin/prometheus. Install Debian's package: "
                + "apt-get install prometheus (.ci/run does).");
    }

    @AfterEach
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    @Test
    void theLegalLimitAlertFiresForAPersonPastSeventyTwoHoursAndResolvesWhenThePersonLeavesCustody() throws Exception {
        startPrometheus();
        awaitPrometheus("/api/v1/query?query=up", answer -> answer.path("data").path("result").path(0).path("value")
                .path(1).asText().equals("1"), "Prometheus has scraped the application");
        Instant scraped = Instant.now();
        awaitPrometheus("/api/v1/rules", answer -> evaluatedSince(answer, scraped),
                "the legal-limit rule is evaluated on what was scraped");
        awaitAlerts(alerts -> !firing(alerts), "no legal-limit alert before anyone passes a limit");

        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("PRM0001",
                ApprehensionFixtures.hoursAgo(73))).status()).isEqualTo(201);
        JsonNode fired = awaitAlerts(PrometheusAlertTest::firing, "the legal-limit alert fires");
        assertThat(fired.toString()).contains("CBP_HOLDING_LIMIT").doesNotContain("PRM0001").doesNotContain("Ramirez");

        TasklistClient agentTasks = new TasklistClient(agent);
        agentTasks.completeIntake("PRM0001-01", false);
        assertThat(new TasklistClient(ApiClient.as(port, "supervisor")).complete("PRM0001-01", "Task_ApproveCustodyOutcome",
                java.util.Map.of("approveProposal", "false", "overrideOutcome", "TRANSFER_TO_ICE_DETENTION",
                        "overrideReason", "held past the limit, ICE bed found")).status()).isEqualTo(204);
        agentTasks.complete("PRM0001-01", "Task_PrepareIceTransfer", java.util.Map.of("iceFacility", "PISPC",
                "transferRecord", "no medical issues"));
        assertThat(new TasklistClient(ApiClient.as(port, "ice-officer")).complete("PRM0001-01", "Task_AcceptIceTransfer",
                java.util.Map.of("iceBookInNumber", "B-73")).status()).isEqualTo(204);

        awaitAlerts(alerts -> !firing(alerts), "the alert resolves once the person left CBP custody");
    }

    private void startPrometheus() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            prometheusPort = socket.getLocalPort();
        }
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: border-custody
                    metrics_path: /actuator/prometheus
                    basic_auth:
                      username: manager
                      password: manager
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(Prometheus.RULES.toAbsolutePath(), port));
        prometheus = new ProcessBuilder(Prometheus.PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        awaitAlerts(alerts -> true, "Prometheus answers");
    }

    private static boolean firing(JsonNode alerts) {
        for (JsonNode alert : alerts.path("data").path("alerts")) {
            if (ALERT.equals(alert.path("labels").path("alertname").asText()) && "firing".equals(alert.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whether Prometheus evaluated the legal-limit rule, without error, after the instant. */
    private static boolean evaluatedSince(JsonNode rules, Instant since) {
        for (JsonNode group : rules.path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (ALERT.equals(rule.path("name").asText()) && "ok".equals(rule.path("health").asText())
                        && Instant.parse(rule.path("lastEvaluation").asText("1970-01-01T00:00:00Z")).isAfter(since)) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode awaitAlerts(Predicate<JsonNode> condition, String what) throws InterruptedException {
        return awaitPrometheus("/api/v1/alerts", condition, what);
    }

    private JsonNode awaitPrometheus(String path, Predicate<JsonNode> condition, String what)
            throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + prometheusPort + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    last = new ObjectMapper().readTree(response.body());
                    if (condition.test(last)) {
                        return last;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting until " + what + "; last answer: " + last);
    }
}
