package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

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
}
