package org.bordercustody.reporting;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.HeldBy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts of a period by the sector and station holding each case, one query per kind of event, each reading the
 * cases whose instant of that kind falls in [start, end): apprehensions, releases and their addresses, check-in
 * deadlines, ends of CBP custody (hours held to the tenth), breaches by clock; and who is in ICE family custody at
 * {@code asOf}. Everything else a report says is summed or derived from these.
 */
@Component
class PeriodCounts {

    private static final Comparator<HeldBy> BY_SECTOR_AND_STATION = Comparator.comparing(HeldBy::sector)
            .thenComparing(HeldBy::station);

    private final JdbcClient jdbc;
    private final CustodyCaseRepository cases;

    PeriodCounts(JdbcClient jdbc, CustodyCaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    Map<HeldBy, GroupCounts> byStation(Instant start, Instant end, Instant now, Instant asOf) {
        Map<HeldBy, GroupCounts> stations = new TreeMap<>(BY_SECTOR_AND_STATION);
        query("""
                SELECT sector, station, COUNT(*) AS apprehended,
                       SUM(CASE WHEN classification = 'UNDETERMINED' AND intake_completed_at IS NOT NULL
                                THEN 1 ELSE 0 END) AS undetermined
                  FROM custody_case WHERE apprehended_at >= :start AND apprehended_at < :end
                 GROUP BY sector, station""", start, end, now, rs -> {
            GroupCounts counts = at(stations, rs);
            counts.apprehended += rs.getLong("apprehended");
            counts.familyStatusUndetermined += rs.getLong("undetermined");
        });
        query("""
                SELECT c.sector, c.station, COUNT(*) AS released,
                       SUM(CASE WHEN a.zip_in_state THEN 1 ELSE 0 END) AS verified,
                       SUM(CASE WHEN NOT a.zip_in_state THEN 1 ELSE 0 END) AS not_valid
                  FROM custody_case c LEFT JOIN release_address a ON a.case_number = c.case_number
                 WHERE c.released_at >= :start AND c.released_at < :end
                 GROUP BY c.sector, c.station""", start, end, now, rs -> {
            GroupCounts counts = at(stations, rs);
            counts.released += rs.getLong("released");
            counts.releasedWithVerifiedAddress += rs.getLong("verified");
            counts.releasedWithAddressNotValid += rs.getLong("not_valid");
        });
        query("""
                SELECT sector, station, COUNT(*) AS due,
                       SUM(CASE WHEN checked_in_at <= check_in_due_by THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN checked_in_at > check_in_due_by THEN 1 ELSE 0 END) AS late
                  FROM custody_case
                 WHERE check_in_due_by >= :start AND check_in_due_by < :end
                   AND (check_in_due_by <= :now OR checked_in_at IS NOT NULL)
                 GROUP BY sector, station""", start, end, now, rs -> {
            GroupCounts counts = at(stations, rs);
            counts.checkInsDue += rs.getLong("due");
            counts.checkInsOnTime += rs.getLong("on_time");
            counts.checkInsLate += rs.getLong("late");
            counts.checkInsMissed += rs.getLong("due") - rs.getLong("on_time") - rs.getLong("late");
        });
        query("""
                SELECT sector, station, FLOOR((EXTRACT(EPOCH FROM left_cbp_custody_at)
                                               - EXTRACT(EPOCH FROM apprehended_at)) / 360) AS tenths,
                       COUNT(*) AS people
                  FROM custody_case WHERE left_cbp_custody_at >= :start AND left_cbp_custody_at < :end
                 GROUP BY sector, station, FLOOR((EXTRACT(EPOCH FROM left_cbp_custody_at)
                                                  - EXTRACT(EPOCH FROM apprehended_at)) / 360)""",
                start, end, now, rs -> at(stations, rs).hoursInCustody.add(rs.getLong("tenths"), rs.getLong("people")));
        query("""
                SELECT c.sector, c.station, b.clock, COUNT(*) AS breaches
                  FROM custody_breach b JOIN custody_case c ON c.case_number = b.case_number
                 WHERE b.due_at >= :start AND b.due_at < :end
                 GROUP BY c.sector, c.station, b.clock""", start, end, now,
                rs -> at(stations, rs).breachesByClock.merge(rs.getString("clock"), rs.getLong("breaches"), Long::sum));
        cases.countInIceFamilyCustodyByStation(asOf).forEach((heldBy, people) ->
                stations.computeIfAbsent(heldBy, key -> new GroupCounts()).inIceFamilyCustodyAtEnd += people);
        return stations;
    }

    private void query(String sql, Instant start, Instant end, Instant now, Row row) {
        var statement = jdbc.sql(sql).param("start", utc(start)).param("end", utc(end));
        if (sql.contains(":now")) {
            statement = statement.param("now", utc(now));
        }
        statement.query(rs -> {
            row.read(rs);
        });
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static GroupCounts at(Map<HeldBy, GroupCounts> stations, ResultSet rs) throws SQLException {
        return stations.computeIfAbsent(new HeldBy(rs.getString("sector"), rs.getString("station")),
                key -> new GroupCounts());
    }
}
