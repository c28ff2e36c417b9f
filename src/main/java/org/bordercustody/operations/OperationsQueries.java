package org.bordercustody.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bordercustody.custody.BreachRepository;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.operations.OperationsSnapshot.ClockCounts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads an {@link OperationsSnapshot} from the case tables and the engine's tables in a handful of aggregate
 * queries; nothing here writes. The legal clocks are read from where they run: the CBP holding limit from the case,
 * the other clocks from their BPMN timers while they run and from the breaches recorded when they ran out.
 */
@Repository
class OperationsQueries {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperationsQueries.class);

    /** The BPMN timer of each legal clock other than the CBP holding limit. */
    static final Map<String, String> CLOCK_TIMERS = Map.of(
            "Timer_HhsNotificationOverdue", "HHS_NOTIFICATION",
            "Timer_ScreeningOverdue", "CONTIGUOUS_COUNTRY_SCREENING",
            "Timer_OrrTransferOverdue", "ORR_TRANSFER",
            "Timer_FloresLimitReached", "FLORES_FAMILY_CUSTODY");

    static final String[] BANDS = {"0-12h", "12-24h", "24-48h", "48-72h", "72h+"};

    private final JdbcClient jdbc;
    private final ManagementService managementService;
    private final CustodyCaseRepository cases;
    private final Cached<Long> waitingForCheckIn;
    private final Cached<Map<String, Long>> runningTimers;

    OperationsQueries(JdbcClient jdbc, ManagementService managementService, CustodyCaseRepository cases,
            OperationsProperties properties) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.managementService = managementService;
        this.waitingForCheckIn = new Cached<>(properties == null ? Duration.ZERO : properties.populationRefreshInterval(),
                () -> jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE status = 'RELEASED_AWAITING_CHECK_IN'")
                        .query(Long.class).single());
        this.runningTimers = new Cached<>(properties == null ? Duration.ZERO : properties.populationRefreshInterval(),
                () -> jdbc.sql("""
                        SELECT d.ACT_ID_ AS name, COUNT(*) AS n FROM ACT_RU_JOBDEF d JOIN ACT_RU_JOB j ON j.JOB_DEF_ID_ = d.ID_
                         WHERE d.ACT_ID_ IN (:timers) GROUP BY d.ACT_ID_
                        """).param("timers", List.copyOf(CLOCK_TIMERS.keySet())).query((ResultSet rs) -> {
                            Map<String, Long> counts = new TreeMap<>();
                            while (rs.next()) {
                                counts.put(rs.getString("name"), rs.getLong("n"));
                            }
                            return counts;
                        }));
    }

    /**
     * A count over a large population (the hundreds of thousands waiting for a check-in and their timers, changing by
     * a few thousand a day) reads a whole index: it is taken at most once per population refresh interval.
     */
    static final class Cached<T> {
        private final Duration interval;
        private final java.util.function.Supplier<T> read;
        private Instant at;
        private T value;

        Cached(Duration interval, java.util.function.Supplier<T> read) {
            this.interval = interval;
            this.read = read;
        }

        synchronized T get(Instant now) {
            if (at == null || !at.plus(interval).isAfter(now)) {
                value = read.get();
                at = now;
            }
            return value;
        }
    }

    OperationsSnapshot snapshot(Instant now, Duration nearLimit) {
        long started = System.nanoTime();
        var cbp = jdbc.sql("""
                SELECT SUM(CASE WHEN c.apprehended_at > :h12 THEN 1 ELSE 0 END) AS b0,
                       SUM(CASE WHEN c.apprehended_at <= :h12 AND c.apprehended_at > :h24 THEN 1 ELSE 0 END) AS b1,
                       SUM(CASE WHEN c.apprehended_at <= :h24 AND c.apprehended_at > :h48 THEN 1 ELSE 0 END) AS b2,
                       SUM(CASE WHEN c.apprehended_at <= :h48 AND c.apprehended_at > :h72 THEN 1 ELSE 0 END) AS b3,
                       SUM(CASE WHEN c.apprehended_at <= :h72 THEN 1 ELSE 0 END) AS b4,
                       SUM(CASE WHEN c.classification = 'UNACCOMPANIED_CHILD' THEN 1 ELSE 0 END) AS uac,
                       SUM(CASE WHEN c.custody_deadline > :now THEN 1 ELSE 0 END) AS running,
                       SUM(CASE WHEN c.custody_deadline > :now AND c.custody_deadline <= :near THEN 1 ELSE 0 END) AS near,
                       SUM(CASE WHEN c.custody_deadline <= :now THEN 1 ELSE 0 END) AS past
                  FROM custody_case c
                 WHERE c.status = 'IN_CBP_CUSTODY'
                """).param("now", utc(now)).param("near", utc(now.plus(nearLimit)))
                .param("h12", utc(now.minus(Duration.ofHours(12)))).param("h24", utc(now.minus(Duration.ofHours(24))))
                .param("h48", utc(now.minus(Duration.ofHours(48)))).param("h72", utc(now.minus(Duration.ofHours(72))))
                .query(rs -> {
                    rs.next();
                    return new Object[] {bands(rs), rs.getLong("uac"), new ClockCounts(rs.getLong("running"),
                            rs.getLong("near"), unattendedNearCbpLimit(now, nearLimit), rs.getLong("past"))};
                });
        @SuppressWarnings("unchecked")
        Map<String, Long> inCustody = (Map<String, Long>) cbp[0];
        long held = System.nanoTime();
        Map<String, ClockCounts> clocks = new TreeMap<>(timerClocks(now, nearLimit));
        long timers = System.nanoTime();
        clocks.put("CBP_HOLDING_LIMIT", (ClockCounts) cbp[2]);
        Map<String, Long> exits = jdbc.sql("""
                SELECT SUM(CASE WHEN c.left_cbp_custody_at < c.apprehended_at + INTERVAL '12' HOUR THEN 1 ELSE 0 END) AS b0,
                       SUM(CASE WHEN c.left_cbp_custody_at >= c.apprehended_at + INTERVAL '12' HOUR
                                 AND c.left_cbp_custody_at < c.apprehended_at + INTERVAL '24' HOUR THEN 1 ELSE 0 END) AS b1,
                       SUM(CASE WHEN c.left_cbp_custody_at >= c.apprehended_at + INTERVAL '24' HOUR
                                 AND c.left_cbp_custody_at < c.apprehended_at + INTERVAL '48' HOUR THEN 1 ELSE 0 END) AS b2,
                       SUM(CASE WHEN c.left_cbp_custody_at >= c.apprehended_at + INTERVAL '48' HOUR
                                 AND c.left_cbp_custody_at < c.apprehended_at + INTERVAL '72' HOUR THEN 1 ELSE 0 END) AS b3,
                       SUM(CASE WHEN c.left_cbp_custody_at >= c.apprehended_at + INTERVAL '72' HOUR THEN 1 ELSE 0 END) AS b4
                  FROM custody_case c
                 WHERE c.left_cbp_custody_at > :dayAgo
                """).param("dayAgo", utc(now.minus(Duration.ofDays(1)))).query(rs -> {
                    rs.next();
                    return bands(rs);
                });
        long exited = System.nanoTime();
        Map<String, Long> incidents = counts(
                "SELECT INCIDENT_TYPE_ AS name, COUNT(*) AS n FROM ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_");
        var due = jdbc.sql("""
                SELECT COUNT(*) AS n, MIN(due) AS oldest FROM (
                    SELECT DUEDATE_ AS due FROM ACT_RU_JOB WHERE DUEDATE_ <= :now AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
                    UNION ALL
                    SELECT CREATE_TIME_ AS due FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
                ) jobs
                """).param("now", engineTime(now)).query(rs -> {
                    rs.next();
                    Instant oldest = rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant();
                    return new long[] {rs.getLong("n"), oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis())};
                });
        // A job out of retries raises a failedJob incident (Camunda does so for every one): counted from the small table.
        long failed = incidents.getOrDefault("failedJob", 0L);
        Map<String, Long> engine = new LinkedHashMap<>();
        for (String metric : new String[] {Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUISITION_ATTEMPT}) {
            engine.put(metric, managementService.createMetricsQuery().name(metric).sum());
        }
        Map<String, OperationsSnapshot.PartnerDeliveries> partners = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.partner, COUNT(*) AS waiting, SUM(CASE WHEN d.attempts > 0 THEN 1 ELSE 0 END) AS failing,
                       MIN(e.occurred_at) AS oldest
                  FROM partner_delivery d JOIN partner_event e ON e.event_id = d.event_id
                 WHERE d.delivered_at IS NULL
                 GROUP BY d.partner
                """).query(rs -> {
                    Instant oldest = rs.getTimestamp("oldest") == null ? now : rs.getTimestamp("oldest").toInstant();
                    partners.put(rs.getString("partner"), new OperationsSnapshot.PartnerDeliveries(rs.getLong("waiting"),
                            rs.getLong("failing"), Math.max(0, Duration.between(oldest, now).toMillis()) / 1000.0));
                });
        long done = System.nanoTime();
        LOG.debug("operations snapshot: custody {} ms, clocks {} ms, exits {} ms, engine {} ms", (held - started) / 1_000_000,
                (timers - held) / 1_000_000, (exited - timers) / 1_000_000, (done - exited) / 1_000_000);
        return new OperationsSnapshot(now, inCustody, (Long) cbp[1], cases.countInIceFamilyCustody(now), clocks, exits,
                due[0], due[1] / 1000.0, failed, incidents, engine, partners);
    }

    /**
     * Cases near the CBP holding limit whose custody process (or the ORR transfer it calls) has no open task: only the
     * few near the limit are looked at.
     */
    private long unattendedNearCbpLimit(Instant now, Duration nearLimit) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM custody_case c
                 WHERE c.status = 'IN_CBP_CUSTODY' AND c.custody_deadline > :now AND c.custody_deadline <= :near
                   AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION p JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = p.ID_
                                    WHERE p.BUSINESS_KEY_ = c.case_number
                                      AND (p.PROC_DEF_ID_ LIKE 'migrantCustody:%' OR p.PROC_DEF_ID_ LIKE 'orrTransfer:%'))
                """).param("now", utc(now)).param("near", utc(now.plus(nearLimit))).query(Long.class).single();
    }

    /**
     * The clocks that run as BPMN timers on the children's and families' cases: the timers due within the near window
     * (a range of the index by job definition and due date) at every snapshot, all of them once per population
     * interval, and the breaches still standing. The 60-day check-in is read from the indexed case table.
     */
    private Map<String, ClockCounts> timerClocks(Instant now, Duration nearLimit) {
        Map<String, ClockCounts> clocks = new TreeMap<>();
        CLOCK_TIMERS.values().forEach(clock -> clocks.put(clock, new ClockCounts(0, 0, 0, 0)));
        Map<String, Long> timers = runningTimers.get(now);
        jdbc.sql("""
                SELECT d.ACT_ID_ AS timer,
                       SUM(CASE WHEN j.DUEDATE_ > :now THEN 1 ELSE 0 END) AS near,
                       SUM(CASE WHEN j.DUEDATE_ <= :now THEN 1 ELSE 0 END) AS overdue
                  FROM ACT_RU_JOBDEF d JOIN ACT_RU_JOB j ON j.JOB_DEF_ID_ = d.ID_
                 WHERE d.ACT_ID_ IN (:timers) AND j.DUEDATE_ <= :near
                 GROUP BY d.ACT_ID_
                """).param("now", engineTime(now)).param("near", engineTime(now.plus(nearLimit)))
                .param("timers", List.copyOf(CLOCK_TIMERS.keySet()))
                .query(rs -> {
                    while (rs.next()) {
                        long overdue = rs.getLong("overdue");
                        clocks.merge(CLOCK_TIMERS.get(rs.getString("timer")), new ClockCounts(-overdue,
                                rs.getLong("near"), 0, overdue), OperationsQueries::sum);
                    }
                    return clocks;
                });
        timers.forEach((timer, count) -> clocks.merge(CLOCK_TIMERS.get(timer), new ClockCounts(count, 0, 0, 0),
                OperationsQueries::sum));
        jdbc.sql("""
                SELECT d.ACT_ID_ AS timer, COUNT(*) AS unattended
                  FROM ACT_RU_JOBDEF d JOIN ACT_RU_JOB j ON j.JOB_DEF_ID_ = d.ID_
                 WHERE d.ACT_ID_ IN (:timers) AND j.DUEDATE_ > :now AND j.DUEDATE_ <= :near
                   AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_)
                 GROUP BY d.ACT_ID_
                """).param("now", engineTime(now)).param("near", engineTime(now.plus(nearLimit)))
                .param("timers", List.copyOf(CLOCK_TIMERS.keySet()))
                .query(rs -> {
                    while (rs.next()) {
                        clocks.merge(CLOCK_TIMERS.get(rs.getString("timer")),
                                new ClockCounts(0, 0, rs.getLong("unattended"), 0), OperationsQueries::sum);
                    }
                    return clocks;
                });
        for (Map.Entry<String, String> still : BreachRepository.STILL_PAST.entrySet()) {
            long breached = jdbc.sql("SELECT COUNT(*) FROM custody_breach b JOIN custody_case c ON c.case_number = b.case_number"
                    + " WHERE b.clock = :clock AND " + still.getValue())
                    .param("clock", still.getKey()).query(Long.class).single();
            clocks.merge(still.getKey(), new ClockCounts(0, 0, 0, breached), OperationsQueries::sum);
        }
        // Each count on its own index: the waiting population is the largest there is.
        long waiting = waitingForCheckIn.get(now);
        long near = jdbc.sql("""
                SELECT COUNT(*) FROM custody_case WHERE check_in_due_by > :now AND check_in_due_by <= :near
                   AND status = 'RELEASED_AWAITING_CHECK_IN'
                """).param("now", utc(now)).param("near", utc(now.plus(nearLimit))).query(Long.class).single();
        long late = jdbc.sql("""
                SELECT COUNT(*) FROM custody_case WHERE status = 'CHECK_IN_OVERDUE'
                    OR (status = 'RELEASED_AWAITING_CHECK_IN' AND check_in_due_by <= :now)
                """).param("now", utc(now)).query(Long.class).single();
        long unfired = jdbc.sql("""
                SELECT COUNT(*) FROM custody_case WHERE check_in_due_by <= :now AND status = 'RELEASED_AWAITING_CHECK_IN'
                """).param("now", utc(now)).query(Long.class).single();
        // A released person reports when they report: no task is meant to be open before the deadline.
        clocks.put("CHECK_IN", new ClockCounts(waiting - unfired, near, 0, late));
        return clocks;
    }

    private static ClockCounts sum(ClockCounts a, ClockCounts b) {
        return new ClockCounts(a.running() + b.running(), a.nearLimit() + b.nearLimit(),
                a.nearLimitWithoutOpenTask() + b.nearLimitWithoutOpenTask(), a.pastLimit() + b.pastLimit());
    }

    private Map<String, Long> counts(String sql) {
        return jdbc.sql(sql).query((ResultSet rs) -> {
            Map<String, Long> counts = new TreeMap<>();
            while (rs.next()) {
                counts.put(rs.getString("name"), rs.getLong("n"));
            }
            return counts;
        });
    }

    private static Map<String, Long> bands(ResultSet rs) throws SQLException {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.length; i++) {
            bands.put(BANDS[i], rs.getLong("b" + i));
        }
        return bands;
    }

    /** The engine's own tables keep timestamps without a zone, in the JVM's zone. */
    private static java.sql.Timestamp engineTime(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
