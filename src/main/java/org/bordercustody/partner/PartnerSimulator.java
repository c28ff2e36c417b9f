package org.bordercustody.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The partners' systems as the demo plays them (profile default, {@code custody.partners.simulator.enabled}): ICE's
 * and ORR's webhooks point here, every delivery's signature is checked as a partner would check it, and the page
 * /api/simulator lists what each partner received; a referral can be acknowledged from it as ORR's system would,
 * through the case API with the {@code orr-system} account. Never on in production.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "custody.partners.simulator.enabled", havingValue = "true")
class PartnerSimulator {

    private static final int KEPT = 200;
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    record Received(Instant at, boolean signatureValid, JsonNode event) {
    }

    private final PartnerProperties properties;
    private final ObjectMapper json;
    private final Map<Partner, Deque<Received>> received = Map.of(Partner.ICE, new ArrayDeque<>(),
            Partner.ORR, new ArrayDeque<>());
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile int port;

    PartnerSimulator(PartnerProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /** A partner's webhook: a delivery with a wrong signature is refused (401), as the partner's system would. */
    @PostMapping(value = "/api/simulator/{partner}/webhook")
    ResponseEntity<Void> receive(@PathVariable String partner, @RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) throws IOException {
        Partner receiver = partnerOf(partner);
        PartnerProperties.Webhook webhook = properties.webhookOf(receiver).orElse(null);
        boolean valid = false;
        if (webhook != null) {
            try {
                new Webhook(webhook.webhookSecret()).verify(new String(body, StandardCharsets.UTF_8), headers);
                valid = true;
            } catch (WebhookVerificationException e) {
                valid = false;
            }
        }
        if (!valid) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Deque<Received> list = received.get(receiver);
        synchronized (list) {
            list.addFirst(new Received(Instant.now(), true, json.readTree(body)));
            while (list.size() > KEPT) {
                list.removeLast();
            }
        }
        return ResponseEntity.noContent().build();
    }

    /** What each partner received, newest first, with a button to acknowledge each referral as ORR. */
    @GetMapping(value = "/api/simulator", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner simulator</title>
                <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
                pre{margin:0;font-size:12px;white-space:pre-wrap}</style></head><body>
                <h1>Partner simulator</h1>
                <p>The webhooks of ICE's and HHS ORR's systems, as the demo plays them: each event the application pushed
                to them, newest first, with its signature checked as the partner's system would check it (a delivery
                whose signature does not hold is refused and not listed). Reload to see new ones. "Who" is filled where
                the event carries the person: each partner learns the name once, with the family status.</p>
                """);
        for (Partner partner : Partner.values()) {
            html.append("<h2>").append(partner == Partner.ICE ? "ICE" : "HHS ORR").append(" received</h2>")
                    .append("<table id=\"received-").append(partner.code()).append("\"><tr><th>received</th>")
                    .append("<th>type</th><th>case</th><th>who</th><th>what happened</th><th>signature</th><th></th></tr>");
            for (Received event : snapshot(partner)) {
                String type = event.event().path("type").asText().replace(PartnerEvents.TYPE_PREFIX, "");
                String subject = event.event().path("subject").asText();
                html.append("<tr><td>").append(SHOWN.format(event.at())).append("</td><td>").append(escape(type))
                        .append("</td><td>").append(escape(subject)).append("</td><td>")
                        .append(escape(who(event.event().path("data").path("person")))).append("</td><td>")
                        .append(escape(event.event().path("data").path("summary").asText())).append("</td><td>")
                        .append(event.signatureValid() ? "valid" : "not valid").append("</td><td>");
                if (partner == Partner.ORR && type.equals("uac-referral")) {
                    html.append("<button onclick=\"acknowledge('").append(escape(subject))
                            .append("')\">Acknowledge referral</button>");
                }
                html.append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("""
                <p id="answer"></p>
                <script>
                function acknowledge(caseNumber) {
                  fetch('/api/simulator/orr/acknowledgements/' + encodeURIComponent(caseNumber),
                        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
                    .then(response => response.text().then(text => {
                      document.getElementById('answer').textContent = 'ORR acknowledged ' + caseNumber + ': HTTP '
                        + response.status + ' ' + text;
                    }));
                }
                </script></body></html>""");
        return html.toString();
    }

    /** ORR's system acknowledges the child's referral, through the case API with its own account. */
    @PostMapping(value = "/api/simulator/orr/acknowledgements/{caseNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> acknowledge(@PathVariable String caseNumber) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("referralId", "UC-" + caseNumber,
                "acknowledgedAt", Instant.now().toString()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/"
                        + caseNumber + "/hhs-referral/acknowledgement"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "orr-system:orr-system".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        return ResponseEntity.status(answer.statusCode()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    List<Received> snapshot(Partner partner) {
        Deque<Received> list = received.get(partner);
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    private static Partner partnerOf(String code) {
        try {
            return Partner.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new org.bordercustody.system.NotFoundException("no partner " + code);
        }
    }

    /** The person an event names, where the partner may see it. */
    private static String who(JsonNode person) {
        return person.isMissingNode() ? "" : person.path("familyName").asText() + ", " + person.path("givenNames").asText();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
