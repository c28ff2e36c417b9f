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
import org.bordercustody.custody.BreachCause;
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
        GroupCounts counts = periodCounts.count(period.start(), period.end(), period.now(), ReportGrouping.NONE)
                .getOrDefault(ReportGroup.WHOLE_PERIOD, new GroupCounts());
        counts.inIceFamilyCustodyAtEnd = cases.countInIceFamilyCustody(period.asOf());
        return counts.metrics(separations.figures(separations.decidedBetween(period.start(), period.end(),
                period.asOf()), period.asOf()));
    }

    /**
     * The figures of the period from and to in rows by sector, station or month, and their total: the sum of the
     * rows' counts, their hours merged, its stocks those at the period's end.
     */
    public CustodyMetricsTable table(String fromText, String toText, String byText) {
        ReportGrouping by = ReportGrouping.of(byText);
        Period period = period(fromText, toText);
        Map<ReportGroup, GroupCounts> groups = periodCounts.count(period.start(), period.end(), period.now(), by);
        List<SeparatedChild> children = separations.decidedBetween(period.start(), period.end(), period.asOf());
        Map<ReportGroup, List<SeparatedChild>> childrenByGroup = new TreeMap<>(ReportGroup.ORDER);
        if (by == ReportGrouping.MONTH) {
            for (Period month : period.months()) {
                ReportGroup group = new ReportGroup(null, null, month.month());
                groups.computeIfAbsent(group, key -> new GroupCounts()).inIceFamilyCustodyAtEnd =
                        cases.countInIceFamilyCustody(month.asOf());
                // A month's row tells who of its children were reunified by the month's end.
                childrenByGroup.put(group, separations.decidedBetween(month.start(), month.end(), month.asOf()));
            }
        } else {
            cases.countInIceFamilyCustodyByStation(period.asOf()).forEach((held, people) -> groups.computeIfAbsent(
                    place(by, held), key -> new GroupCounts()).inIceFamilyCustodyAtEnd += people);
            children.forEach(child -> childrenByGroup.computeIfAbsent(place(by, heldBy(child.custodyCase())),
                    key -> new ArrayList<>()).add(child));
            childrenByGroup.keySet().forEach(group -> groups.computeIfAbsent(group, key -> new GroupCounts()));
        }
        GroupCounts total = new GroupCounts();
        List<CustodyMetricsTable.Row> rows = new ArrayList<>();
        groups.forEach((group, counts) -> {
            total.add(counts);
            rows.add(new CustodyMetricsTable.Row(group.sector(), group.station(), group.month(), counts.metrics(
                    separations.figures(childrenByGroup.getOrDefault(group, List.of()),
                            by == ReportGrouping.MONTH ? monthEnd(group, period) : period.asOf()))));
        });
        total.inIceFamilyCustodyAtEnd = cases.countInIceFamilyCustody(period.asOf());
        return new CustodyMetricsTable(period.from().toString(), period.to().toString(), by.parameter(), rows,
                total.metrics(separations.figures(children, period.asOf())));
    }

    static final int MOST_BREACHES_LISTED = 1000;

    /**
     * The breaches of the period from and to, the latest first, at most limit of them (1 to 1000), of the cases held
     * in these sectors (null: every sector). The list names people: a supervisor sees their own sector's.
     */
    public BreachList breaches(String fromText, String toText, Integer limit, List<String> sectors) {
        Period period = period(fromText, toText);
        int listed = limit == null ? 100 : limit;
        if (listed < 1 || listed > MOST_BREACHES_LISTED) {
            throw new InvalidRequestException("limit", "must be 1 to " + MOST_BREACHES_LISTED);
        }
        if (sectors != null && sectors.isEmpty()) {
            return new BreachList(period.from().toString(), period.to().toString(), 0, List.of());
        }
        String inSectors = sectors == null ? "" : " AND c.sector IN (:sectors)";
        long total = jdbc.sql("SELECT COUNT(*) FROM custody_breach b JOIN custody_case c ON c.case_number ="
                        + " b.case_number WHERE b.due_at >= :start AND b.due_at < :end" + inSectors)
                .param("start", utc(period.start())).param("end", utc(period.end()))
                .param("sectors", sectors == null ? List.of("") : sectors).query(Long.class).single();
        List<BreachList.Breach> breaches = jdbc.sql("""
                SELECT b.case_number, c.family_name, c.given_names, c.sector, c.station, b.clock, b.due_at, b.cause,
                       b.cause_details, b.action_taken, b.explained_by, b.explained_at
                  FROM custody_breach b JOIN custody_case c ON c.case_number = b.case_number
                 WHERE b.due_at >= :start AND b.due_at < :end""" + inSectors + """

                 ORDER BY b.due_at DESC, b.case_number, b.clock
                 FETCH FIRST :listed ROWS ONLY""")
                .param("start", utc(period.start())).param("end", utc(period.end())).param("listed", listed)
                .param("sectors", sectors == null ? List.of("") : sectors)
                .query((rs, row) -> {
                    LegalClock clock = LegalClock.valueOf(rs.getString("clock"));
                    BreachCause cause = rs.getString("cause") == null ? null : BreachCause.valueOf(rs.getString("cause"));
                    return new BreachList.Breach(rs.getString("case_number"), name(rs), rs.getString("sector"),
                            rs.getString("station"), clock.name(), clock.description(),
                            CustodyCaseRepository.instant(rs, "due_at"), cause == null ? null : cause.name(),
                            cause == null ? null : cause.words(), rs.getString("cause_details"),
                            rs.getString("action_taken"), rs.getString("explained_by"),
                            CustodyCaseRepository.instant(rs, "explained_at"));
                })
                .list();
        return new BreachList(period.from().toString(), period.to().toString(), total, breaches);
    }

    private static ReportGroup place(ReportGrouping by, HeldBy held) {
        return new ReportGroup(held.sector(), by == ReportGrouping.STATION ? held.station() : null, null);
    }

    private static HeldBy heldBy(CustodyCase custodyCase) {
        return custodyCase == null || custodyCase.sector() == null
                ? new HeldBy(SeparationsReport.SECTOR_UNKNOWN, SeparationsReport.SECTOR_UNKNOWN)
                : new HeldBy(custodyCase.sector(), custodyCase.station());
    }

    private static Instant monthEnd(ReportGroup group, Period period) {
        return period.months().stream().filter(month -> month.month().equals(group.month())).findFirst()
                .map(Period::asOf).orElse(period.asOf());
    }

    private Period period(String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "is before the first day of the period");
        }
        if (to.toEpochDay() - from.toEpochDay() >= LONGEST_PERIOD_DAYS) {
            throw new InvalidRequestException("to", "the period is longer than " + LONGEST_PERIOD_DAYS + " days");
        }
        return new Period(from, to, clock.instant());
    }

    /** Whole UTC days from and to, both included, as of now. */
    private record Period(LocalDate from, LocalDate to, Instant now) {

        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        String month() {
            return YearMonth.from(from).toString();
        }

        /** The end of the period, or now while it runs: the instant stocks are counted at. */
        Instant asOf() {
            return end().isBefore(now) ? end() : now;
        }

        /** The calendar months of the period, the first and last cut to it. */
        List<Period> months() {
            List<Period> months = new ArrayList<>();
            for (LocalDate first = from; !first.isAfter(to); first = first.plusMonths(1).withDayOfMonth(1)) {
                LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
                months.add(new Period(first, last.isAfter(to) ? to : last, now));
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
                   (SELECT MAX(p.ID_) FROM ACT_RU_EXECUTION p WHERE p.BUSINESS_KEY_ = c.case_number
                     AND p.PARENT_ID_ IS NULL
                     AND (p.PROC_DEF_ID_ LIKE 'migrantCustody:%' OR p.PROC_DEF_ID_ LIKE 'iceFamilyCustody:%'
                          OR p.PROC_DEF_ID_ LIKE 'releaseFollowUp:%')
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
