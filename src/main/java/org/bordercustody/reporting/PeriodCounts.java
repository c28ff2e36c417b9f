package org.bordercustody.reporting;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.bordercustody.custody.LegalClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts of a period by group, one query per kind of event, each reading the cases whose instant of that kind
 * falls in [start, end) from an index that holds what it counts: apprehensions, releases and whether their address
 * was valid, check-in deadlines, ends of CBP custody (hours held to the tenth of an hour), breaches by clock. A group
 * is the sector or station holding the case or the month of the instant counted. Everything else a report says is
 * summed or derived from these.
 */
@Component
class PeriodCounts {

    private final JdbcClient jdbc;

    PeriodCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<ReportGroup, GroupCounts> count(Instant start, Instant end, Instant now, ReportGrouping grouping) {
        Map<ReportGroup, GroupCounts> groups = new TreeMap<>(ReportGroup.ORDER);
        query("SELECT " + grouping.columns("", "apprehended_at") + """
                COUNT(*) AS apprehended,
                SUM(CASE WHEN classification = 'UNDETERMINED' AND intake_completed_at IS NOT NULL THEN 1 ELSE 0 END)
                    AS undetermined
                  FROM custody_case WHERE apprehended_at >= :start AND apprehended_at < :end""",
                grouping.groupBy("", "apprehended_at", ""), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            counts.apprehended += rs.getLong("apprehended");
            counts.familyStatusUndetermined += rs.getLong("undetermined");
        });
        query("SELECT " + grouping.columns("", "released_at") + """
                COUNT(*) AS released,
                SUM(CASE WHEN release_address_valid THEN 1 ELSE 0 END) AS verified,
                SUM(CASE WHEN NOT release_address_valid THEN 1 ELSE 0 END) AS not_valid
                  FROM custody_case WHERE released_at >= :start AND released_at < :end""",
                grouping.groupBy("", "released_at", ""), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            counts.released += rs.getLong("released");
            counts.releasedWithVerifiedAddress += rs.getLong("verified");
            counts.releasedWithAddressNotValid += rs.getLong("not_valid");
        });
        query("SELECT " + grouping.columns("", "check_in_due_by") + """
                COUNT(*) AS due,
                SUM(CASE WHEN checked_in_at <= check_in_due_by THEN 1 ELSE 0 END) AS on_time,
                SUM(CASE WHEN checked_in_at > check_in_due_by THEN 1 ELSE 0 END) AS late
                  FROM custody_case
                 WHERE check_in_due_by >= :start AND check_in_due_by < :end
                   AND (check_in_due_by <= :now OR checked_in_at IS NOT NULL)""",
                grouping.groupBy("", "check_in_due_by", ""), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            counts.checkInsDue += rs.getLong("due");
            counts.checkInsOnTime += rs.getLong("on_time");
            counts.checkInsLate += rs.getLong("late");
            counts.checkInsMissed += rs.getLong("due") - rs.getLong("on_time") - rs.getLong("late");
        });
        String tenths = "FLOOR((EXTRACT(EPOCH FROM left_cbp_custody_at) - EXTRACT(EPOCH FROM apprehended_at)) / 360)";
        query("SELECT " + grouping.columns("", "left_cbp_custody_at") + tenths + """
                 AS tenths, COUNT(*) AS people
                  FROM custody_case WHERE left_cbp_custody_at >= :start AND left_cbp_custody_at < :end""",
                grouping.groupBy("", "left_cbp_custody_at", tenths), start, end, now,
                rs -> at(groups, grouping, rs).hoursInCustody.add(rs.getLong("tenths"), rs.getLong("people")));
        String table = grouping.byPlace() ? "c" : "b";
        query("SELECT " + grouping.columns(table, "due_at") + "b.clock, b.cause, COUNT(*) AS breaches"
                        + " FROM custody_breach b"
                        + (grouping.byPlace() ? " JOIN custody_case c ON c.case_number = b.case_number" : "")
                        + " WHERE b.due_at >= :start AND b.due_at < :end",
                grouping.groupBy(table, "due_at", "b.clock, b.cause"), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            String clock = rs.getString("clock");
            long breaches = rs.getLong("breaches");
            counts.breachesByClock.merge(clock, breaches, Long::sum);
            if (!LegalClock.CHECK_IN.name().equals(clock)) {
                String cause = rs.getString("cause");
                counts.breachesByCause.merge(cause == null ? GroupCounts.NOT_YET_EXPLAINED : cause, breaches,
                        Long::sum);
            }
        });
        return groups;
    }

    private void query(String sql, String groupBy, Instant start, Instant end, Instant now, Row row) {
        String statement = sql + groupBy;
        var query = jdbc.sql(statement).param("start", utc(start)).param("end", utc(end));
        if (statement.contains(":now")) {
            query = query.param("now", utc(now));
        }
        query.query(rs -> {
            row.read(rs);
        });
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static GroupCounts at(Map<ReportGroup, GroupCounts> groups, ReportGrouping grouping, ResultSet rs)
            throws SQLException {
        ReportGroup group = switch (grouping) {
            case NONE -> ReportGroup.WHOLE_PERIOD;
            case SECTOR -> new ReportGroup(rs.getString("group_sector"), null, null);
            case STATION -> new ReportGroup(rs.getString("group_sector"), rs.getString("group_station"), null);
            case MONTH -> new ReportGroup(null, null, "%04d-%02d".formatted(rs.getInt("group_year"),
                    rs.getInt("group_month")));
        };
        return groups.computeIfAbsent(group, key -> new GroupCounts());
    }
}
