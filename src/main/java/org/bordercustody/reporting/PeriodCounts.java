package org.bordercustody.reporting;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
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

    static final int PARALLEL_WORKERS = 2;

    private final JdbcClient jdbc;
    private final boolean postgres;

    PeriodCounts(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the reports read", e);
        }
    }

    /**
     * The month (YYYY-MM, UTC) of an instant in [start, end), as SQL: comparisons with the months' first instants,
     * which the database makes far faster than taking a date apart for every case it counts.
     */
    static UnaryOperator<String> monthOf(Instant start, Instant end) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC)); month.atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(end); month = month.plusMonths(1)) {
            months.add(month);
        }
        return instant -> {
            StringBuilder sql = new StringBuilder("CASE");
            for (YearMonth month : months.subList(0, months.size() - 1)) {
                sql.append(" WHEN ").append(instant).append(" < TIMESTAMP WITH TIME ZONE '")
                        .append(month.plusMonths(1).atDay(1)).append(" 00:00:00+00' THEN '").append(month).append("'");
            }
            return sql.append(" ELSE '").append(months.get(months.size() - 1)).append("' END").toString();
        };
    }

    Map<ReportGroup, GroupCounts> count(Instant start, Instant end, Instant now, ReportGrouping grouping) {
        Map<ReportGroup, GroupCounts> groups = new TreeMap<>(ReportGroup.ORDER);
        UnaryOperator<String> month = monthOf(start, end);
        if (postgres) {
            // A year's report reads a year of cases: let PostgreSQL scan them with the machine's cores.
            jdbc.sql("SET LOCAL max_parallel_workers_per_gather = " + PARALLEL_WORKERS).update();
        }
        query("SELECT " + grouping.columns("", "apprehended_at", month) + """
                COUNT(*) AS apprehended,
                SUM(CASE WHEN classification = 'UNDETERMINED' AND intake_completed_at IS NOT NULL THEN 1 ELSE 0 END)
                    AS undetermined
                  FROM custody_case WHERE apprehended_at >= :start AND apprehended_at < :end""",
                grouping.groupBy("", "apprehended_at", month, ""), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            counts.apprehended += rs.getLong("apprehended");
            counts.familyStatusUndetermined += rs.getLong("undetermined");
        });
        query("SELECT " + grouping.columns("", "released_at", month) + """
                COUNT(*) AS released,
                SUM(CASE WHEN release_address_valid THEN 1 ELSE 0 END) AS verified,
                SUM(CASE WHEN NOT release_address_valid THEN 1 ELSE 0 END) AS not_valid
                  FROM custody_case WHERE released_at >= :start AND released_at < :end""",
                grouping.groupBy("", "released_at", month, ""), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            counts.released += rs.getLong("released");
            counts.releasedWithVerifiedAddress += rs.getLong("verified");
            counts.releasedWithAddressNotValid += rs.getLong("not_valid");
        });
        query("SELECT " + grouping.columns("", "check_in_due_by", month) + """
                COUNT(*) AS due,
                SUM(CASE WHEN checked_in_at <= check_in_due_by THEN 1 ELSE 0 END) AS on_time,
                SUM(CASE WHEN checked_in_at > check_in_due_by THEN 1 ELSE 0 END) AS late
                  FROM custody_case
                 WHERE check_in_due_by >= :start AND check_in_due_by < :end
                   AND (check_in_due_by <= :now OR checked_in_at IS NOT NULL)""",
                grouping.groupBy("", "check_in_due_by", month, ""), start, end, now, rs -> {
            GroupCounts counts = at(groups, grouping, rs);
            counts.checkInsDue += rs.getLong("due");
            counts.checkInsOnTime += rs.getLong("on_time");
            counts.checkInsLate += rs.getLong("late");
            counts.checkInsMissed += rs.getLong("due") - rs.getLong("on_time") - rs.getLong("late");
        });
        String tenths = "cbp_custody_tenths";
        query("SELECT " + grouping.columns("", "left_cbp_custody_at", month) + tenths + " AS tenths, " + """
                COUNT(*) AS people
                  FROM custody_case WHERE left_cbp_custody_at >= :start AND left_cbp_custody_at < :end""",
                grouping.groupBy("", "left_cbp_custody_at", month, tenths), start, end, now,
                rs -> at(groups, grouping, rs).hoursInCustody.add(rs.getLong("tenths"), rs.getLong("people")));
        String table = grouping.byPlace() ? "c" : "b";
        query("SELECT " + grouping.columns(table, "due_at", month) + "b.clock, b.cause, COUNT(*) AS breaches"
                        + " FROM custody_breach b"
                        + (grouping.byPlace() ? " JOIN custody_case c ON c.case_number = b.case_number" : "")
                        + " WHERE b.due_at >= :start AND b.due_at < :end",
                grouping.groupBy(table, "due_at", month, "b.clock, b.cause"), start, end, now, rs -> {
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
            case MONTH -> new ReportGroup(null, null, rs.getString("group_month"));
        };
        return groups.computeIfAbsent(group, key -> new GroupCounts());
    }
}
