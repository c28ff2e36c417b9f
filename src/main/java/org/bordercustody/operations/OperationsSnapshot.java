package org.bordercustody.operations;

import java.time.Instant;
import java.util.Map;

/**
 * What the people on call watch, computed at one instant: the custody clocks, the people held (by CBP, and in ICE
 * family custody), the exits of the last day and the engine's backlog. No case number, name or other personal data:
 * only counts by clock, band, type.
 */
public record OperationsSnapshot(
        Instant at,
        Map<String, Long> inCbpCustodyByHoursHeld,
        long unaccompaniedChildrenAwaitingOrr,
        long inIceFamilyCustody,
        Map<String, ClockCounts> clocks,
        Map<String, Long> leftCbpCustodyLastDayByHoursHeld,
        long jobsDue,
        double oldestDueJobAgeSeconds,
        long failedJobs,
        Map<String, Long> openIncidentsByType,
        Map<String, Long> engineMetricTotals,
        Map<String, PartnerDeliveries> partnerDeliveries) {

    /** What waits for a partner's webhook: events, those with failed attempts, the oldest one's age. */
    public record PartnerDeliveries(long waiting, long failing, double oldestWaitingSeconds) {

        static final PartnerDeliveries NONE = new PartnerDeliveries(0, 0, 0);
    }

    /** One legal clock across the cases it runs for. */
    public record ClockCounts(long running, long nearLimit, long nearLimitWithoutOpenTask, long pastLimit) {
    }
}
