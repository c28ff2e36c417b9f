package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ICE's webhook, a real HTTP server, down for a while and back: every event ICE may see arrives, signed, in the order
 * of the feed for each case, none missing; while it fails for longer than the limit an incident says so, and it goes
 * by itself once the webhook answers again, and no delivery job is left once nothing waits.
 */
@CustodyApplicationTest
class PartnerWebhookTest {

    static final WebhookReceiver ICE = start();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("custody.partners.ice.webhook-url", () -> ICE.url("/ice/events"));
        registry.add("custody.partners.ice.webhook-secret", () -> WebhookReceiver.SECRET);
        registry.add("custody.partners.failing-after", () -> "PT3S");
        registry.add("custody.partners.first-retry", () -> "PT1S");
        registry.add("custody.metrics.refresh-interval", () -> "1s");
    }

    @AfterAll
    static void stop() {
        ICE.close();
    }

    @Test
    void aWebhookDownForAWhileGetsEveryEventOnceItIsBackSignedAndInOrderPerCase() throws Exception {
        ICE.down();
        Journeys journeys = new Journeys(port);
        List<String> cases = List.of(journeys.releasedAdult("WHK0001"), journeys.releasedAdult("WHK0002"),
                journeys.adultAwaitingIce("WHK0003"));

        PartnerTests.await("attempts while the webhook is down", () -> ICE.received.stream().anyMatch(r -> r.answered() == 503));
        PartnerTests.await("an incident in Cockpit", () -> incidents() == 1);
        assertThat(ICE.acknowledged()).isEmpty();
        String message = runtimeService.createIncidentQuery().incidentType(PartnerDeliveryRun.INCIDENT_TYPE)
                .singleResult().getIncidentMessage();
        assertThat(message).contains("ICE webhook", "HTTP 503");
        assertThat(failingProcesses()).as("one \"Partner webhook failing\" process for ICE").isEqualTo(1);
        PartnerTests.await("the failing deliveries on the meter the alert reads", () -> failingOnTheMeter() > 0);

        ICE.up();
        List<String> expected = iceEventsOf(cases);
        assertThat(expected).as("ICE's events of these cases").hasSizeGreaterThanOrEqualTo(4);
        PartnerTests.await("every event acknowledged", () -> ICE.acknowledged().stream().map(WebhookReceiver.Received::id)
                .distinct().filter(expected::contains).count() == expected.size());
        PartnerTests.await("the incident resolved by itself", () -> incidents() == 0);
        PartnerTests.await("the failing process ended", () -> failingProcesses() == 0);
        PartnerTests.await("no delivery job left once nothing waits", () -> jdbc.sql(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'partner-delivery'").query(Long.class).single() == 0);
        PartnerTests.await("no failing delivery on the meter", () -> failingOnTheMeter() == 0);

        assertThat(ICE.received).as("every request signed").allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(ICE.received).allMatch(r -> "application/cloudevents+json".equals(r.contentType()));
        Map<String, List<String>> arrivedPerCase = new LinkedHashMap<>();
        for (WebhookReceiver.Received request : ICE.acknowledged()) {
            JsonNode event = json.readTree(request.body());
            assertThat(event.get("id").asText()).isEqualTo(request.id());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            List<String> arrived = arrivedPerCase.computeIfAbsent(event.get("subject").asText(), c -> new java.util.ArrayList<>());
            if (!arrived.contains(request.id())) {
                arrived.add(request.id());
            }
        }
        for (String caseNumber : cases) {
            assertThat(arrivedPerCase.get(caseNumber)).as("in the order of the feed for " + caseNumber)
                    .containsExactlyElementsOf(iceEventsOf(List.of(caseNumber)));
        }
    }

    /** custody_partner_deliveries_failing{partner="ice"} as Prometheus scrapes it. */
    private double failingOnTheMeter() {
        String scraped = ApiClient.as(port, "manager").get("/actuator/prometheus").body();
        return scraped.lines().filter(line -> line.startsWith("custody_partner_deliveries_failing{")
                        && line.contains("partner=\"ice\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElse(-1);
    }

    private List<String> iceEventsOf(List<String> cases) {
        return jdbc.sql("SELECT event_id FROM partner_event WHERE for_ice = TRUE AND case_number IN (:cases)"
                        + " ORDER BY feed_position, id")
                .param("cases", cases).query(String.class).list();
    }

    private long failingProcesses() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PartnerDeliveryRun.FAILING_PROCESS_KEY)
                .processInstanceBusinessKey("ice").count();
    }

    private long incidents() {
        return runtimeService.createIncidentQuery().incidentType(PartnerDeliveryRun.INCIDENT_TYPE).count();
    }

    private static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
