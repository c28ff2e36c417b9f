package org.bordercustody.operations;

import java.time.Instant;
import java.util.Map;

/**
 * What the people on call watch, computed at one instant: the custody clocks, the engine's backlog and the totals
 * that counters are made of. No case number, name or other personal data: only counts by clock, band, sector, type.
 */
public record OperationsSnapshot(
        Instant at,
        Map<String, Long> inCbpCustodyByHoursHeld,
        long unaccompaniedChildrenAwaitingOrr,
        Map<String, ClockCounts> clocks,
        Map<String, Long> leftCbpCustodyByHoursHeld,
        Map<String, Long> apprehendedBySector,
        long released,
        long transferredToIce,
        long transferredToOrr,
        long removed,
        Map<String, Long> breachesByClock,
        long jobsDue,
        double oldestDueJobAgeSeconds,
        long failedJobs,
        Map<String, Long> openIncidentsByType,
        Map<String, Long> engineMetricTotals) {

    /** One legal clock across the cases it runs for. */
    public record ClockCounts(long running, long nearLimit, long nearLimitWithoutOpenTask, long pastLimit) {
    }
}
