package org.bordercustody.partner;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each partner's webhook is and the secret its deliveries are signed with ({@code whsec_} + base64 key):
 * {@code custody.partners.ice.webhook-url}, {@code custody.partners.ice.webhook-secret}, the same under
 * {@code custody.partners.orr.}. A partner without a URL reads the feed only. A failed delivery is tried again after
 * {@code first-retry}, then after twice as long each time, at most an hour apart, never given up. Every
 * {@code sweep-interval} (read by the sweep's schedule in {@link PartnerDeliveryJobs}) a sweep puts back a delivery
 * job where events wait without one.
 */
@ConfigurationProperties("custody.partners")
public record PartnerProperties(@DefaultValue Webhook ice, @DefaultValue Webhook orr,
        @DefaultValue("PT15M") Duration failingAfter, @DefaultValue("PT15S") Duration firstRetry) {

    public record Webhook(String webhookUrl, String webhookSecret) {

        /** A webhook is an absolute http(s) URL with a secret of the Standard Webhooks form; else the start fails. */
        public Webhook {
            if (webhookUrl != null && !webhookUrl.isBlank()) {
                java.net.URI uri;
                try {
                    uri = java.net.URI.create(webhookUrl.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("a partner webhook-url is not a URL: " + webhookUrl, e);
                }
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("a partner webhook-url must be an http or https URL: " + webhookUrl);
                }
                if (webhookSecret == null || !webhookSecret.startsWith("whsec_") || !isBase64(webhookSecret.substring(6))) {
                    throw new IllegalArgumentException("a partner with a webhook-url needs a webhook-secret written"
                            + " whsec_ + the base64 of its key");
                }
            }
        }

        private static boolean isBase64(String text) {
            try {
                return java.util.Base64.getDecoder().decode(text).length >= 16;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        public boolean configured() {
            return webhookUrl != null && !webhookUrl.isBlank();
        }
    }

    public Optional<Webhook> webhookOf(Partner partner) {
        Webhook webhook = partner == Partner.ICE ? ice : orr;
        return webhook != null && webhook.configured() ? Optional.of(webhook) : Optional.empty();
    }
}
