package org.bordercustody.reporting;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bordercustody.custody.BreachRepository;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.reporting.CustodyNow.HeldCase;
import org.bordercustody.reporting.CustodyNow.LateCase;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody reports, from the case tables: the metrics of a period, whole UTC days with both ends included, each
 * figure counting the cases whose event of that kind (apprehension, release, check-in deadline, breach, separation)
 * falls in it, and who is in ICE family custody at its end; and the live view of CBP custody for the Cockpit panel.
 */
@Service
@Transactional(readOnly = true)
public class CustodyReports {

    static final int LONGEST_PERIOD_DAYS = 366;
    /** Hours held, by band; the last band is past the 72-hour TEDS limit. */
    static final int[] BANDS = {0, 24, 48, 60, 72};
    static final Duration NEAR_LIMIT = Duration.ofHours(12);
    static final int LONGEST_HELD_SHOWN = 10;

    private final JdbcClient jdbc;
    private final BreachRepository breaches;
    private final CustodyClocks clocks;
    private final CustodyCaseRepository cases;
    private final SeparationsReport separations;
    private final Clock clock;

    public CustodyReports(JdbcClient jdbc, BreachRepository breaches, CustodyClocks clocks, CustodyCaseRepository cases,
            SeparationsReport separations, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.separations = separations;
        this.breaches = breaches;
        this.clocks = clocks;
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
        Instant asOf = end.isBefore(now) ? end : now;

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
                 WHERE e.apprehended_at >= :start AND e.apprehended_at < :end AND c.classification = 'UNDETERMINED'
                   AND c.intake_completed_at IS NOT NULL""",
                start, end, now);
        Map<String, Long> breaches = breachesByClock(start, end);

        return new CustodyMetrics(apprehended, released, releasedWithAddress,
                rate(releasedWithAddress, released), checkInsDue, checkInsOnTime, rate(checkInsOnTime, checkInsDue),
                breaches.getOrDefault(LegalClock.CBP_HOLDING_LIMIT.name(), 0L), undetermined,
                medianHoursInCustody(start, end, now), breaches, cases.countInIceFamilyCustody(asOf),
                separations.between(start, end, asOf));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
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

    public CustodyNow now() {
        Instant now = clock.instant();
        List<HeldCase> held = jdbc.sql("""
                SELECT c.case_number, c.family_name, c.given_names, c.classification, c.custody_deadline,
                       e.apprehended_at
                  FROM custody_case c JOIN apprehension_event e ON e.event_number = c.event_number
                 WHERE c.status = 'IN_CBP_CUSTODY'
                 ORDER BY e.apprehended_at
                """)
                .query((rs, row) -> new HeldCase(rs.getString("case_number"), name(rs),
                        Classification.valueOf(rs.getString("classification")).words(),
                        hoursBetween(CustodyCaseRepository.instant(rs, "apprehended_at"), now),
                        CustodyCaseRepository.instant(rs, "custody_deadline")))
                .list();
        Map<String, Long> byBand = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.length; i++) {
            String band = i + 1 < BANDS.length ? BANDS[i] + "-" + BANDS[i + 1] + " h" : BANDS[i] + "+ h";
            int low = BANDS[i];
            int high = i + 1 < BANDS.length ? BANDS[i + 1] : Integer.MAX_VALUE;
            byBand.put(band, held.stream().filter(c -> c.hoursInCustody() >= low && c.hoursInCustody() < high).count());
        }
        long past = held.stream().filter(c -> !c.custodyDeadline().isAfter(now)).count();
        long near = held.stream().filter(c -> c.custodyDeadline().isAfter(now)
                && !c.custodyDeadline().isAfter(now.plus(NEAR_LIMIT))).count();
        long children = held.stream()
                .filter(c -> Classification.UNACCOMPANIED_CHILD.words().equals(c.classification())).count();
        long inIceFamilyCustody = cases.countInIceFamilyCustody(now);
        String today = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String ninetyDaysAgo = now.minus(Duration.ofDays(89)).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Double compliance = between(ninetyDaysAgo, today).checkInComplianceRate();
        return new CustodyNow(now, held.size(), byBand, near, past, held.stream().limit(LONGEST_HELD_SHOWN).toList(),
                children, compliance, inIceFamilyCustody, lateNow(now));
    }

    /**
     * Everyone late now, on every clock, the latest first: intake not recorded in time, past the CBP holding limit,
     * every breach still standing (HHS notification, screening, ORR transfer, Flores) and missed check-ins.
     */
    List<LateCase> lateNow(Instant now) {
        List<LateCase> late = new ArrayList<>();
        jdbc.sql(CASE_AND_INSTANCE + " WHERE c.status = 'IN_CBP_CUSTODY' AND c.intake_completed_at IS NULL"
                        + " AND c.apprehended_at <= :cutoff")
                .param("cutoff", utc(now.minus(clocks.intakeDue())))
                .query((rs, row) -> late(rs, "INTAKE", "Intake not recorded within " + clocks.intakeDue().toHours()
                        + " hours", CustodyCaseRepository.instant(rs, "apprehended_at").plus(clocks.intakeDue()), now))
                .list().forEach(late::add);
        jdbc.sql(CASE_AND_INSTANCE + " WHERE c.status = 'IN_CBP_CUSTODY' AND c.custody_deadline <= :now")
                .param("now", utc(now))
                .query((rs, row) -> late(rs, LegalClock.CBP_HOLDING_LIMIT.name(),
                        LegalClock.CBP_HOLDING_LIMIT.description(), CustodyCaseRepository.instant(rs, "custody_deadline"),
                        now))
                .list().forEach(late::add);
        jdbc.sql(CASE_AND_INSTANCE + " WHERE c.status = 'CHECK_IN_OVERDUE'")
                .query((rs, row) -> late(rs, LegalClock.CHECK_IN.name(), LegalClock.CHECK_IN.description(),
                        CustodyCaseRepository.instant(rs, "check_in_due_by"), now))
                .list().forEach(late::add);
        List<BreachRepository.StandingBreach> standing = breaches.standing();
        if (!standing.isEmpty()) {
            // The people of all standing breaches in one query, then one row per breach.
            Map<String, Person> people = new HashMap<>();
            jdbc.sql(CASE_AND_INSTANCE + " WHERE c.case_number IN (:caseNumbers)")
                    .param("caseNumbers", standing.stream().map(BreachRepository.StandingBreach::caseNumber)
                            .distinct().toList())
                    .query((rs, row) -> new Person(rs.getString("case_number"), name(rs),
                            rs.getString("process_instance_id")))
                    .list().forEach(person -> people.put(person.caseNumber(), person));
            standing.stream().filter(breach -> people.containsKey(breach.caseNumber())).forEach(breach -> {
                Person person = people.get(breach.caseNumber());
                late.add(new LateCase(person.caseNumber(), person.name(), breach.clock().name(),
                        breach.clock().description(), breach.dueAt(), hoursBetween(breach.dueAt(), now),
                        person.processInstanceId()));
            });
        }
        late.sort(Comparator.comparing(LateCase::hoursLate).reversed());
        return late;
    }

    private record Person(String caseNumber, String name, String processInstanceId) {
    }

    private static final String CASE_AND_INSTANCE = """
            SELECT c.case_number, c.family_name, c.given_names, c.apprehended_at, c.custody_deadline, c.check_in_due_by,
                   (SELECT p.ID_ FROM ACT_RU_EXECUTION p WHERE p.BUSINESS_KEY_ = c.case_number AND p.PARENT_ID_ IS NULL
                     AND p.PROC_INST_ID_ = p.ID_) AS process_instance_id
              FROM custody_case c""";

    private static LateCase late(ResultSet rs, String clock, String clockWords, Instant dueAt, Instant now)
            throws SQLException {
        return new LateCase(rs.getString("case_number"), name(rs), clock, clockWords, dueAt, hoursBetween(dueAt, now),
                rs.getString("process_instance_id"));
    }

    private static String name(ResultSet rs) throws SQLException {
        return rs.getString("family_name") + ", " + rs.getString("given_names");
    }

    private static double hoursBetween(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0;
    }
}
