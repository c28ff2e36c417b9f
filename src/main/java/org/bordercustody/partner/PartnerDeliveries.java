package org.bordercustody.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bordercustody.custody.CustodyCaseRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each partner's webhook has been sent and what it still waits for. An event is due for a partner when it is
 * placed in the feed, not yet acknowledged, its next attempt has come, and no earlier event of the same case is still
 * waiting: a case's events reach the partner in the order of the feed.
 */
@Repository
class PartnerDeliveries {

    /** The longest wait between two attempts; attempts go on for as long as the event waits. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    record Due(String eventId, String caseNumber, int attempts, String type, Instant occurredAt, String data) {
    }

    private final JdbcClient jdbc;

    PartnerDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(String eventId, String caseNumber, Partner partner, Instant now) {
        jdbc.sql("""
                INSERT INTO partner_delivery (partner, event_id, case_number, next_attempt_at)
                VALUES (:partner, :eventId, :caseNumber, :now)
                """)
                .param("partner", partner.code()).param("eventId", eventId).param("caseNumber", caseNumber)
                .param("now", CustodyCaseRepository.utc(now))
                .update();
    }

    /**
     * Takes the partner's turn if no other run holds it: until this transaction ends, no other run delivers to the
     * partner. Answers false at once, without waiting, when another run holds it.
     */
    boolean takeTurn(Partner partner) {
        return jdbc.sql("SELECT partner FROM partner_delivery_turn WHERE partner = :partner FOR UPDATE SKIP LOCKED")
                .param("partner", partner.code()).query(String.class).optional().isPresent();
    }

    /**
     * When the next attempt of an event waiting for the partner falls due: the earliest of the events that lead
     * their case's queue (an event behind an earlier one of its case waits for that one); empty when none waits.
     */
    Optional<Instant> nextAttempt(Partner partner) {
        return jdbc.sql("""
                SELECT MIN(d.next_attempt_at) AS next FROM partner_delivery d JOIN partner_event e ON e.event_id = d.event_id
                 WHERE d.partner = :partner AND d.delivered_at IS NULL AND e.feed_position IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM partner_delivery o JOIN partner_event oe ON oe.event_id = o.event_id
                                    WHERE o.partner = d.partner AND o.case_number = d.case_number
                                      AND o.delivered_at IS NULL AND oe.feed_position < e.feed_position)
                """)
                .param("partner", partner.code())
                .query((rs, row) -> Optional.ofNullable(CustodyCaseRepository.instant(rs, "next")))
                .single();
    }

    List<Due> due(Partner partner, Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.event_id, d.case_number, d.attempts, e.type, e.occurred_at, e.data
                  FROM partner_delivery d JOIN partner_event e ON e.event_id = d.event_id
                 WHERE d.partner = :partner AND d.delivered_at IS NULL AND e.feed_position IS NOT NULL
                   AND d.next_attempt_at <= :now
                   AND NOT EXISTS (SELECT 1 FROM partner_delivery o JOIN partner_event oe ON oe.event_id = o.event_id
                                    WHERE o.partner = d.partner AND o.case_number = d.case_number
                                      AND o.delivered_at IS NULL AND oe.feed_position < e.feed_position)
                 ORDER BY e.feed_position
                 LIMIT :limit
                """)
                .param("partner", partner.code()).param("now", CustodyCaseRepository.utc(now)).param("limit", limit)
                .query((rs, row) -> new Due(rs.getString("event_id"), rs.getString("case_number"), rs.getInt("attempts"),
                        rs.getString("type"), CustodyCaseRepository.instant(rs, "occurred_at"), rs.getString("data")))
                .list();
    }

    void delivered(Partner partner, String eventId, Instant at, String answer) {
        jdbc.sql("""
                UPDATE partner_delivery SET delivered_at = :at, attempts = attempts + 1, last_answer = :answer
                 WHERE partner = :partner AND event_id = :eventId
                """)
                .param("at", CustodyCaseRepository.utc(at)).param("answer", answer)
                .param("partner", partner.code()).param("eventId", eventId)
                .update();
    }

    /** A failed attempt: the next one after a wait that doubles with each attempt. */
    void failed(Partner partner, Due delivery, Instant at, String answer, Duration firstRetry) {
        jdbc.sql("""
                UPDATE partner_delivery SET attempts = attempts + 1, next_attempt_at = :next, last_answer = :answer
                 WHERE partner = :partner AND event_id = :eventId
                """)
                .param("next", CustodyCaseRepository.utc(at.plus(waitAfter(delivery.attempts() + 1, firstRetry))))
                .param("answer", answer.length() <= 300 ? answer : answer.substring(0, 300))
                .param("partner", partner.code()).param("eventId", delivery.eventId())
                .update();
    }

    static Duration waitAfter(int attempts, Duration firstRetry) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** When the oldest event still waiting for the partner happened; empty when none waits. */
    Optional<Instant> oldestWaiting(Partner partner) {
        return jdbc.sql("""
                SELECT MIN(e.occurred_at) AS oldest FROM partner_delivery d JOIN partner_event e ON e.event_id = d.event_id
                 WHERE d.partner = :partner AND d.delivered_at IS NULL
                """)
                .param("partner", partner.code())
                .query((rs, row) -> Optional.ofNullable(CustodyCaseRepository.instant(rs, "oldest")))
                .single();
    }

    /** How many events wait for the partner, and the last answer its webhook gave. */
    record Waiting(long events, long cases, String lastAnswer) {
    }

    Waiting waiting(Partner partner) {
        return jdbc.sql("""
                SELECT COUNT(*) AS events, COUNT(DISTINCT case_number) AS cases, MAX(last_answer) AS answer
                  FROM partner_delivery WHERE partner = :partner AND delivered_at IS NULL
                """)
                .param("partner", partner.code())
                .query((rs, row) -> new Waiting(rs.getLong("events"), rs.getLong("cases"), rs.getString("answer")))
                .single();
    }
}
