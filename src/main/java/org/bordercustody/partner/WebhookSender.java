package org.bordercustody.partner;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * POSTs one CloudEvent in structured mode to a partner's webhook, signed per the Standard Webhooks specification:
 * headers {@code webhook-id} (the event id), {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}
 * ({@code v1,} + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"). Any 2xx acknowledges; anything else, or no answer
 * within 10 seconds, is a failed attempt.
 */
@Component
class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The partner's answer: acknowledged or not, and in words for the delivery record. */
    record Answer(boolean acknowledged, String words) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Clock clock;

    WebhookSender(Clock clock) {
        this.clock = clock;
    }

    Answer send(PartnerProperties.Webhook webhook, String eventId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        try {
            String signature = new Webhook(webhook.webhookSecret()).sign(eventId, timestamp, body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.webhookUrl()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/cloudevents+json")
                    .header("webhook-id", eventId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            boolean acknowledged = response.statusCode() / 100 == 2;
            return new Answer(acknowledged, "HTTP " + response.statusCode());
        } catch (WebhookSigningException | IllegalArgumentException e) {
            return new Answer(false, "not sent: " + e.getMessage());
        } catch (IOException e) {
            return new Answer(false, "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }
}
