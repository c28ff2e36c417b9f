package org.bordercustody.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.EngineRegistration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LoggingSystem;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Profile json-logs: every log line is one JSON object an operator's tools can search, and a line written while a
 * web request runs carries that request's id, the one the proxy sent or one made up and returned to the caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "json-logs"})
@TestExecutionListeners(listeners = EngineRegistration.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @LocalServerPort
    int port;

    /**
     * Logback is set up once per JVM while another test's application is still open (Spring keeps them for reuse):
     * this lets the application of this test set it up with its own profile, as it would at its own start.
     */
    @BeforeAll
    @AfterAll
    static void letTheNextApplicationSetUpLogging() {
        LoggingSystem.get(StructuredLogsTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void aLogLineOfARequestIsJsonWithTheRequestsId(CapturedOutput output) throws Exception {
        ApiClient manager = ApiClient.as(port, "manager");

        ApiClient.Response refused = manager.send("POST", "/engine-rest/signal", "application/json",
                "{\"name\": \"x\"}".getBytes(), false, Map.of("X-Request-Id", "proxy-4711"));
        ApiClient.Response unnamed = manager.send("POST", "/engine-rest/signal", "application/json",
                "{\"name\": \"x\"}".getBytes(), false, Map.of("X-Request-Id", "not a token!"));

        assertThat(refused.headers().get("x-request-id")).containsExactly("proxy-4711");
        String madeUp = unnamed.headers().get("x-request-id").get(0);
        assertThat(madeUp).matches("[0-9a-f-]{36}");
        List<JsonNode> lines = output.getOut().lines().filter(line -> !line.isBlank())
                .map(StructuredLogsTest::json).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.has("@timestamp")).as(line.toString()).isTrue());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).startsWith("Refused the engine command");
            assertThat(line.path("request").path("id").asText(line.path("request.id").asText())).isEqualTo("proxy-4711");
        });
        assertThat(output.getOut()).contains(madeUp);
    }

    /** The line as one JSON object: a line of plain text, or anything after the object, fails. */
    private static JsonNode json(String line) {
        JsonNode node;
        try {
            node = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
        if (!node.isObject()) {
            throw new AssertionError("not a JSON object: " + line);
        }
        return node;
    }
}
