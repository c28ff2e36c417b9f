package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A partner's webhook set up wrongly stops the start with a message, rather than failing every delivery later. */
class PartnerPropertiesTest {

    @Test
    void aWebhookNeedsAnHttpUrlAndASecretOfTheStandardWebhooksForm() {
        assertThat(new PartnerProperties.Webhook("https://ice.example/events", WebhookReceiver.SECRET).configured())
                .isTrue();
        assertThat(new PartnerProperties.Webhook("", null).configured()).as("no webhook: the feed only").isFalse();
        assertThatThrownBy(() -> new PartnerProperties.Webhook("https://ice.example/events", ""))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> new PartnerProperties.Webhook("https://ice.example/events", "whsec_not base64!"))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> new PartnerProperties.Webhook("file:///etc/passwd", WebhookReceiver.SECRET))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new PartnerProperties.Webhook("ice events", WebhookReceiver.SECRET))
                .hasMessageContaining("webhook-url");
    }
}
