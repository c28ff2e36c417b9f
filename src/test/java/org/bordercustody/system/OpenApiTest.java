package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case API describes itself (OpenAPI 3) and has a Swagger UI, for signed-in users only. */
@CustodyApplicationTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void theDescriptionListsTheCaseApiAndThePartnerExchangeForSignedInUsers() {
        ApiClient.Response description = ApiClient.as(port, "ice-system").get("/api/openapi");
        assertThat(description.status()).isEqualTo(200);
        JsonNode paths = description.json().get("paths");
        assertThat(paths.has("/api/apprehensions")).isTrue();
        assertThat(paths.has("/api/events")).isTrue();
        assertThat(paths.has("/api/cases/{caseNumber}/hhs-referral/acknowledgement")).isTrue();
        assertThat(paths.has("/api/cases/{caseNumber}/ice-book-in")).isTrue();
        assertThat(paths.has("/api/cases/{caseNumber}/check-ins")).isTrue();
        assertThat(description.body()).doesNotContain("/engine-rest").doesNotContain("/actuator")
                .as("the demo's simulator is not part of the API").doesNotContain("/api/simulator");
        JsonNode acknowledgement = paths.get("/api/cases/{caseNumber}/hhs-referral/acknowledgement").get("post");
        assertThat(acknowledgement.get("summary").asText()).contains("acknowledges a child's referral");
        assertThat(acknowledgement.get("responses").has("201")).isTrue();
        assertThat(acknowledgement.get("responses").has("409")).isTrue();
        assertThat(description.json().get("components").get("securitySchemes").get("basic").get("scheme").asText())
                .isEqualTo("basic");

        assertThat(ApiClient.anonymous(port).get("/api/openapi").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/swagger-ui/index.html").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/webjars/swagger-ui/index.html").status()).isEqualTo(401);
        ApiClient.Response entry = ApiClient.as(port, "agent").get("/api/docs");
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.headers().get("location")).containsExactly("/api/swagger-ui/index.html");
        ApiClient.Response ui = ApiClient.as(port, "agent").get("/api/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ApiClient.as(port, "manager").get("/api/openapi/swagger-config").body()).contains("/api/openapi");
    }
}
