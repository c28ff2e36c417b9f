package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the database up, the engine's own answers pass the outage filter unchanged. */
@CustodyApplicationTest
class DatabaseOutageAnswersTest {

    @LocalServerPort
    int port;

    @Test
    void anEngineErrorAnswerPassesUnchanged() {
        ApiClient.Response missing = ApiClient.as(port, "agent").get("/engine-rest/task/no-such-task");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/json");
        assertThat(missing.json().get("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(missing.headers()).doesNotContainKey("Retry-After");
    }

    @Test
    void externalTaskLongPollingAnswersWhenItsTimeoutEnds() {
        Instant sent = Instant.now();
        ApiClient.Response polled = ApiClient.as(port, "admin").post("/engine-rest/external-task/fetchAndLock", """
                { "workerId": "outage-filter", "maxTasks": 1, "asyncResponseTimeout": 1000,
                  "topics": [ { "topicName": "no-such-topic", "lockDuration": 1000 } ] }
                """);

        assertThat(polled.status()).isEqualTo(200);
        assertThat(polled.json()).isEmpty();
        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
}
