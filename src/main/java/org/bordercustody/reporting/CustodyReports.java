package org.bordercustody.reporting;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bordercustody.custody.BreachRepository;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.HeldBy;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.reporting.CustodyNow.HeldCase;
import org.bordercustody.reporting.CustodyNow.LateCase;
import org.bordercustody.reporting.SeparationsReport.SeparatedChild;
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
    private static final Comparator<HeldBy> GROUP_ORDER = Comparator.comparing(HeldBy::sector)
            .thenComparing(HeldBy::station, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final JdbcClient jdbc;
    private final BreachRepository breaches;
    private final CustodyClocks clocks;
    private final CustodyCaseRepository cases;
    private final SeparationsReport separations;
    private final PeriodCounts periodCounts;
    private final Clock clock;

    public CustodyReports(JdbcClient jdbc, BreachRepository breaches, CustodyClocks clocks, CustodyCaseRepository cases,
            SeparationsReport separations, PeriodCounts periodCounts, Clock clock) {
        this.jdbc = jdbc;
        this.periodCounts = periodCounts;
        this.cases = cases;
        this.separations = separations;
        this.breaches = breaches;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** The figures of the period from and to (whole UTC days, both included). */
    public CustodyMetrics between(String fromText, String toText) {
        Period period = period(fromText, toText);
        return total(period.counts(), period.children(), period.asOf());
    }

    /** The figures of the period from and to, in rows by sector, station or month, and their total. */
    public CustodyMetricsTable table(String fromText, String toText, String byText) {
        ReportGrouping by = ReportGrouping.of(byText);
        Period period = period(fromText, toText);
        List<CustodyMetricsTable.Row> rows = new ArrayList<>();
        if (by == ReportGrouping.MONTH) {
            // The months together are the period: its counts are theirs, read once, and its stocks its last month's;
            // a separation is reunified or not as of the period's end, which may be after its month's.
            GroupCounts total = new GroupCounts();
            long inIceFamilyCustodyAtEnd = 0;
            for (Period month : period.months()) {
                GroupCounts counts = sum(month.counts());
                rows.add(new CustodyMetricsTable.Row(null, null, month.month(),
                        counts.metrics(separations.figures(month.children(), month.asOf()))));
                total.add(counts);
                inIceFamilyCustodyAtEnd = counts.inIceFamilyCustodyAtEnd;
            }
            total.inIceFamilyCustodyAtEnd = inIceFamilyCustodyAtEnd;
            return new CustodyMetricsTable(period.from().toString(), period.to().toString(), by.parameter(), rows,
                    total.metrics(separations.figures(period.children(), period.asOf())));
        } else {
            Function<HeldBy, HeldBy> groupOf = held -> by == ReportGrouping.SECTOR ? new HeldBy(held.sector(), null)
                    : held;
            Map<HeldBy, GroupCounts> groups = new TreeMap<>(GROUP_ORDER);
            period.counts().forEach((held, counts) -> groups.computeIfAbsent(groupOf.apply(held),
                    group -> new GroupCounts()).add(counts));
            Map<HeldBy, List<SeparatedChild>> childrenByGroup = period.children().stream()
                    .collect(Collectors.groupingBy(child -> groupOf.apply(heldBy(child.custodyCase()))));
            childrenByGroup.keySet().forEach(group -> groups.computeIfAbsent(group, key -> new GroupCounts()));
            groups.forEach((group, counts) -> rows.add(new CustodyMetricsTable.Row(group.sector(), group.station(),
                    null, counts.metrics(separations.figures(childrenByGroup.getOrDefault(group, List.of()),
                            period.asOf())))));
        }
        return new CustodyMetricsTable(period.from().toString(), period.to().toString(), by.parameter(), rows,
                total(period.counts(), period.children(), period.asOf()));
    }

    private CustodyMetrics total(Map<HeldBy, GroupCounts> stations, List<SeparatedChild> children, Instant asOf) {
        return sum(stations).metrics(separations.figures(children, asOf));
    }

    private static GroupCounts sum(Map<HeldBy, GroupCounts> stations) {
        GroupCounts total = new GroupCounts();
        stations.values().forEach(total::add);
        return total;
    }

    private static HeldBy heldBy(CustodyCase custodyCase) {
        return custodyCase == null || custodyCase.sector() == null
                ? new HeldBy(SeparationsReport.SECTOR_UNKNOWN, SeparationsReport.SECTOR_UNKNOWN)
                : new HeldBy(custodyCase.sector(), custodyCase.station());
    }

    private Period period(String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "is before from");
        }
        if (to.toEpochDay() - from.toEpochDay() >= LONGEST_PERIOD_DAYS) {
            throw new InvalidRequestException("to", "the period is longer than " + LONGEST_PERIOD_DAYS + " days");
        }
        return new Period(from, to);
    }

    /** Whole UTC days from and to, both included; counted when first asked for. */
    private final class Period {

        private final LocalDate from;
        private final LocalDate to;
        private final Instant start;
        private final Instant end;
        private final Instant now = clock.instant();
        private Map<HeldBy, GroupCounts> counts;
        private List<SeparatedChild> children;

        Period(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            this.start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
            this.end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        LocalDate from() {
            return from;
        }

        LocalDate to() {
            return to;
        }

        String month() {
            return YearMonth.from(from).toString();
        }

        /** The end of the period, or now while it runs: the instant stocks are counted at. */
        Instant asOf() {
            return end.isBefore(now) ? end : now;
        }

        Map<HeldBy, GroupCounts> counts() {
            if (counts == null) {
                counts = periodCounts.byStation(start, end, now, asOf());
            }
            return counts;
        }

        List<SeparatedChild> children() {
            if (children == null) {
                children = separations.decidedBetween(start, end, asOf());
            }
            return children;
        }

        /** The calendar months of the period, the first and last cut to it. */
        List<Period> months() {
            List<Period> months = new ArrayList<>();
            for (LocalDate first = from; !first.isAfter(to); first = first.plusMonths(1).withDayOfMonth(1)) {
                LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
                months.add(new Period(first, last.isAfter(to) ? to : last));
            }
            return months;
        }
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
