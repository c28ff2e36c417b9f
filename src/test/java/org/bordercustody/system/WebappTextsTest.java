package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The web apps' top bar carries the agency's notice instead of the vendor's migration banner: nothing by default,
 * the configured words escaped when set; the texts are public, as the login page needs them.
 */
class WebappTextsTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("test")
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void everyWebAppShowsNoBannerAndKeepsItsOtherTexts() throws Exception {
            for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
                JsonNode texts = englishTexts(port, app);
                assertThat(texts.get(WebappTexts.BANNER_KEY).asText()).as(app).isEmpty();
                assertThat(texts.size()).as(app).isGreaterThan(100);
            }
            assertThat(englishTexts(port, "cockpit").get(WebappTexts.DASHBOARD_SECTION_KEY).asText()).isEqualTo("Custody");
            assertThat(status(port, "/camunda/app/unknown/locales/en.json")).isEqualTo(404);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "custody.notice.text=For official use only <b>CBP</b>")
    @ActiveProfiles("test")
    class WhenConfigured {

        @LocalServerPort
        int port;

        @Test
        void theNoticeIsShownAsWrittenAndNeverAsMarkup() throws Exception {
            assertThat(englishTexts(port, "tasklist").get(WebappTexts.BANNER_KEY).asText())
                    .isEqualTo("For official use only &lt;b&gt;CBP&lt;/b&gt;");
        }
    }

    static JsonNode englishTexts(int port, String app) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/camunda/app/" + app + "/locales/en.json")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(app).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("labels");
    }

    static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), BodyHandlers.discarding()).statusCode();
    }
}
