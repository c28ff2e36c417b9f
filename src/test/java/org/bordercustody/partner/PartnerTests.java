package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bordercustody.ApiClient;

/** What the partner exchange's tests share: reading the whole feed as a partner would, waiting for deliveries. */
public final class PartnerTests {

    private PartnerTests() {
    }

    /** Every event the client may read, following the feed's cursor from the beginning until a page is empty. */
    public static List<JsonNode> allEvents(ApiClient client) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            JsonNode page = client.get("/api/events?limit=500" + (cursor == null ? "" : "&after=" + cursor)).json();
            if (page.get("events").isEmpty()) {
                return events;
            }
            page.get("events").forEach(events::add);
            cursor = page.get("next").asText();
        }
    }

    /** Waits up to a minute for what deliveries bring about. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
