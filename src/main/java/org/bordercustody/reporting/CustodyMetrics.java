package org.bordercustody.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What the Inspector General measured, over the cases of a period. A rate whose denominator is zero (nobody
 * released, no check-in due) is null: nothing was there to measure, which is not 0% and not 100%. People in ICE
 * family custody are counted at the end of the period, or now while the period runs, as the Cockpit panel counts them.
 */
public record CustodyMetrics(
        long apprehended,
        long released,
        long releasedWithVerifiedAddress,
        Double addressCaptureRate,
        long checkInsDue,
        long checkInsOnTime,
        Double checkInComplianceRate,
        long custodyLimitBreaches,
        long familyStatusUndetermined,
        double medianHoursInCustody,
        Map<String, Long> breachesByClock,
        @Schema(description = "People in ICE family custody at the end of the period (now while it runs): booked into"
                + " family custody, not released or removed; the count of custody-now and the Prometheus gauge")
        long inIceFamilyCustodyAtEnd,
        SeparationFigures separations) {
}
