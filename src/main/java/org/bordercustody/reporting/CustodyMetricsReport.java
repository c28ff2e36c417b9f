package org.bordercustody.reporting;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the custody metrics from the case tables. A period is whole UTC days, both ends included; each
 * figure counts the cases whose event of that kind (apprehension, release, check-in deadline, breach) falls in it.
 */
@Service
@Transactional(readOnly = true)
public class CustodyMetricsReport {

    static final int LONGEST_PERIOD_DAYS = 366;

    private final JdbcClient jdbc;
    private final Clock clock;

    public CustodyMetricsReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CustodyMetrics between(String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "is before from");
        }
        if (to.toEpochDay() - from.toEpochDay() >= LONGEST_PERIOD_DAYS) {
            throw new InvalidRequestException("to", "the period is longer than " + LONGEST_PERIOD_DAYS + " days");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();

        long apprehended = count("""
                SELECT COUNT(*) FROM custody_case c JOIN apprehension_event e ON e.event_number = c.event_number
                 WHERE e.apprehended_at >= :start AND e.apprehended_at < :end""", start, end, now);
        long released = count("""
                SELECT COUNT(*) FROM custody_case WHERE released_at >= :start AND released_at < :end""",
                start, end, now);
        long releasedWithAddress = count("""
                SELECT COUNT(*) FROM custody_case c JOIN release_address a ON a.case_number = c.case_number
                 WHERE c.released_at >= :start AND c.released_at < :end""", start, end, now);
        long checkInsDue = count("""
                SELECT COUNT(*) FROM custody_case
                 WHERE check_in_due_by >= :start AND check_in_due_by < :end
                   AND (check_in_due_by <= :now OR checked_in_at IS NOT NULL)""", start, end, now);
        long checkInsOnTime = count("""
                SELECT COUNT(*) FROM custody_case
                 WHERE check_in_due_by >= :start AND check_in_due_by < :end AND checked_in_at <= check_in_due_by""",
                start, end, now);
        long undetermined = count("""
                SELECT COUNT(*) FROM custody_case c JOIN apprehension_event e ON e.event_number = c.event_number
                 WHERE e.apprehended_at >= :start AND e.apprehended_at < :end AND c.classification = 'UNDETERMINED'""",
                start, end, now);
        Map<String, Long> breaches = breachesByClock(start, end);

        return new CustodyMetrics(apprehended, released, releasedWithAddress,
                released == 0 ? 1.0 : (double) releasedWithAddress / released,
                checkInsDue, checkInsOnTime, checkInsDue == 0 ? 0.0 : (double) checkInsOnTime / checkInsDue,
                breaches.getOrDefault(LegalClock.CBP_HOLDING_LIMIT.name(), 0L), undetermined,
                medianHoursInCustody(start, end, now), breaches);
    }

    private long count(String sql, Instant start, Instant end, Instant now) {
        var statement = jdbc.sql(sql).param("start", utc(start)).param("end", utc(end));
        if (sql.contains(":now")) {
            statement = statement.param("now", utc(now));
        }
        return statement.query(Long.class).single();
    }

    private Map<String, Long> breachesByClock(Instant start, Instant end) {
        Map<String, Long> breaches = new TreeMap<>();
        jdbc.sql("""
                SELECT clock, COUNT(*) AS breaches FROM custody_breach
                 WHERE due_at >= :start AND due_at < :end GROUP BY clock""")
                .param("start", utc(start)).param("end", utc(end))
                .query(rs -> {
                    breaches.put(rs.getString("clock"), rs.getLong("breaches"));
                });
        return breaches;
    }

    /** Hours from apprehension to leaving CBP custody, or to now for those still held. */
    private double medianHoursInCustody(Instant start, Instant end, Instant now) {
        List<Double> hours = jdbc.sql("""
                SELECT e.apprehended_at, c.left_cbp_custody_at
                  FROM custody_case c JOIN apprehension_event e ON e.event_number = c.event_number
                 WHERE e.apprehended_at >= :start AND e.apprehended_at < :end""")
                .param("start", utc(start)).param("end", utc(end))
                .query((rs, row) -> {
                    Instant apprehendedAt = CustodyCaseRepository.instant(rs, "apprehended_at");
                    Instant left = CustodyCaseRepository.instant(rs, "left_cbp_custody_at");
                    return Duration.between(apprehendedAt, left == null ? now : left).toMinutes() / 60.0;
                })
                .list().stream().sorted().toList();
        if (hours.isEmpty()) {
            return 0.0;
        }
        int middle = hours.size() / 2;
        double median = hours.size() % 2 == 1 ? hours.get(middle) : (hours.get(middle - 1) + hours.get(middle)) / 2;
        return Math.round(median * 10) / 10.0;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(field, "is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date YYYY-MM-DD");
        }
    }
}
