package org.bordercustody.reporting;

import java.util.Map;

/**
 * What the Inspector General measured, over the cases of a period (../shared/api.md). Rates are 1.0 for address
 * capture and 0.0 for check-in compliance when nothing was there to measure, as the contract's example shows.
 */
public record CustodyMetrics(
        long apprehended,
        long released,
        long releasedWithVerifiedAddress,
        double addressCaptureRate,
        long checkInsDue,
        long checkInsOnTime,
        double checkInComplianceRate,
        long custodyLimitBreaches,
        long familyStatusUndetermined,
        double medianHoursInCustody,
        Map<String, Long> breachesByClock) {
}
