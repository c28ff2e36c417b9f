package org.bordercustody.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events in the order their changes committed, resumable from a cursor. Transactions commit out of the order
 * of their ids, so an id cursor could skip an event that commits after a later one was read. Instead each event
 * gets its place in the feed after it committed: whoever reads the feed first places, under the feed's one-row lock,
 * every event committed since, after the last place given. An event still in an open transaction is not visible
 * to anyone placing; it gets a place after its commit, behind every place already given, so it is never behind a
 * cursor already handed out. The lock is in the database: nodes of a cluster place in turn.
 */
@Component
public class PartnerEventFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** At most this many events placed at one read; the next read places the rest. */
    private static final int PLACED_AT_ONCE = 10_000;

    /** Whose events a reader may see. */
    public enum Reader { ALL, ICE, ORR }

    public record Event(String id, String type, String subject, Instant time, JsonNode data) {
    }

    public record Page(List<Event> events, String next) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;
    private final PartnerDeliveries deliveries;
    private final PartnerProperties properties;
    private final PartnerDeliveryJobs deliveryJobs;
    private final Clock clock;

    PartnerEventFeed(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions,
            PartnerDeliveries deliveries, PartnerProperties properties, PartnerDeliveryJobs deliveryJobs, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveryJobs = deliveryJobs;
        this.json = json;
        this.deliveries = deliveries;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends an event in the caller's transaction: it is kept with the change it tells of, or with it rolled back. */
    void append(String caseNumber, String type, Instant at, String data, boolean forIce, boolean forOrr) {
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO partner_event (event_id, case_number, type, occurred_at, data, for_ice, for_orr)
                VALUES (:eventId, :caseNumber, :type, :at, :data, :ice, :orr)
                """)
                .param("eventId", eventId).param("caseNumber", caseNumber).param("type", type)
                .param("at", CustodyCaseRepository.utc(at)).param("data", data)
                .param("ice", forIce).param("orr", forOrr)
                .update();
        // Each partner with a webhook gets the event pushed too, by a job of the same commit.
        // Due at once, whenever the change it tells of happened (a check-in reported for another day, say).
        Instant queued = clock.instant();
        if (forIce) {
            pushTo(Partner.ICE, eventId, caseNumber, queued);
        }
        if (forOrr) {
            pushTo(Partner.ORR, eventId, caseNumber, queued);
        }
    }

    private void pushTo(Partner partner, String eventId, String caseNumber, Instant queued) {
        if (properties.webhookOf(partner).isPresent()) {
            deliveries.enqueue(eventId, caseNumber, partner, queued);
            deliveryJobs.deliverAfterCommit(partner);
        }
    }

    /** The events after the cursor (null: from the beginning) that the reader may see, oldest first. */
    public Page read(String after, int limit, Reader reader) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        long lastGiven = placeCommitted();
        long from = after == null || after.isBlank() ? 0 : position(after, lastGiven);
        String audience = switch (reader) {
            case ALL -> "";
            case ICE -> " AND for_ice = TRUE";
            case ORR -> " AND for_orr = TRUE";
        };
        List<Placed> placed = jdbc.sql("""
                SELECT event_id, type, case_number, occurred_at, data, feed_position FROM partner_event
                 WHERE feed_position > :from""" + audience + """
                 ORDER BY feed_position
                 LIMIT :limit
                """)
                .param("from", from).param("limit", limit)
                .query((rs, row) -> new Placed(new Event(rs.getString("event_id"), rs.getString("type"),
                        rs.getString("case_number"), CustodyCaseRepository.instant(rs, "occurred_at"),
                        parse(rs.getString("data"))), rs.getLong("feed_position")))
                .list();
        long last = placed.isEmpty() ? from : placed.get(placed.size() - 1).position();
        return new Page(placed.stream().map(Placed::event).toList(), cursor(last));
    }

    private record Placed(Event event, long position) {
    }

    /** The event as a CloudEvent 1.0 in JSON (structured mode), as the feed lists it and a webhook receives it. */
    static ObjectNode cloudEvent(ObjectMapper json, String id, String type, String subject, Instant time, JsonNode data) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0").put("id", id).put("source", SOURCE).put("type", type).put("subject", subject)
                .put("time", time.toString()).put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    static final String SOURCE = "/border-custody";

    /**
     * Gives every event committed since the last placing its place, in id order, after the last place given; answers
     * the last place given.
     */
    long placeCommitted() {
        return ownTransaction.execute(status -> {
            long last = jdbc.sql("SELECT last_position FROM partner_event_feed WHERE id = 1 FOR UPDATE")
                    .query(Long.class).single();
            List<Long> unplaced = jdbc.sql("""
                    SELECT id FROM partner_event WHERE feed_position IS NULL ORDER BY id LIMIT :most
                    """).param("most", PLACED_AT_ONCE).query(Long.class).list();
            if (unplaced.isEmpty()) {
                return last;
            }
            for (long id : unplaced) {
                jdbc.sql("UPDATE partner_event SET feed_position = :position WHERE id = :id")
                        .param("position", ++last).param("id", id).update();
            }
            jdbc.sql("UPDATE partner_event_feed SET last_position = :last WHERE id = 1").param("last", last).update();
            return last;
        });
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor exactly as this feed writes them, for a place the feed has given; anything else is refused. */
    static long position(String cursor, long lastGiven) {
        if (CURSOR.matcher(cursor).matches()) {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (POSITION.matcher(decoded).matches() && cursor(Long.parseLong(decoded.substring(1))).equals(cursor)) {
                long position = Long.parseLong(decoded.substring(1));
                if (position <= lastGiven) {
                    return position;
                }
            }
        }
        throw new InvalidRequestException("after", "is not a cursor this feed handed out");
    }

    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{2,28}");
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("p(0|[1-9][0-9]{0,17})");

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
