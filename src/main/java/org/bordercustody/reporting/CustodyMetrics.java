package org.bordercustody.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What the Inspector General measured, over the cases of a period (or of one sector, station or month of it): each
 * count is of the cases whose event of that kind falls in the period, and each total is the sum of its parts. A rate
 * whose denominator is zero (nobody released, no check-in due) is null: nothing was there to measure, which is not 0%
 * and not 100%. Hours in custody are over custody that ended in the period only; a person still held is in none of
 * them. People in ICE family custody are counted at the end of the period, or now while the period runs, as the
 * Cockpit panel counts them.
 */
public record CustodyMetrics(
        long apprehended,
        @Schema(description = "Released in the period; equals releasedWithVerifiedAddress + releasedWithAddressNotValid"
                + " + releasedWithoutAddress")
        long released,
        @Schema(description = "Released with an intended address whose ZIP code is one of its state's")
        long releasedWithVerifiedAddress,
        @Schema(description = "Released with an address whose ZIP code is not of its state (recorded before the rule)")
        long releasedWithAddressNotValid,
        long releasedWithoutAddress,
        Double addressCaptureRate,
        @Schema(description = "Check-ins due in the period (its deadline passed, or reported before it); equals"
                + " checkInsOnTime + checkInsLate + checkInsMissed")
        long checkInsDue,
        long checkInsOnTime,
        long checkInsLate,
        @Schema(description = "Deadline passed without the person reporting (as of now)")
        long checkInsMissed,
        Double checkInComplianceRate,
        @Schema(description = "Legal clocks that ran out in the period, every clock: the sum of breachesByClock")
        long custodyLimitBreaches,
        @Schema(description = "Breaches by clock, every clock of the list")
        Map<String, Long> breachesByClock,
        @Schema(description = "Breaches by the cause their follow-up recorded (every cause of the closed list, and"
                + " NOT_YET_EXPLAINED while the supervisor has not recorded it); adds up to custodyLimitBreaches less"
                + " breachesByClock.CHECK_IN, since a missed check-in is followed up by ICE's search for the person")
        Map<String, Long> breachesByCause,
        long familyStatusUndetermined,
        @Schema(description = "Says over which people the hours in custody are: those whose CBP custody ended in the"
                + " period")
        String hoursInCustodyOver,
        @Schema(description = "People whose CBP custody ended in the period: release, removal, transfer to ICE or ORR")
        long custodyEnded,
        @Schema(description = "Median hours from apprehension to the end of CBP custody, over custody that ended in the"
                + " period; null when none did")
        Double medianHoursInCustody,
        Double p90HoursInCustody,
        Double p95HoursInCustody,
        Double maxHoursInCustody,
        @Schema(description = "People whose custody ended, by hours held: 0-12, 12-24, …, 96-120, 120+; adds up to"
                + " custodyEnded")
        Map<String, Long> hoursInCustodyDistribution,
        @Schema(description = "People in ICE family custody at the end of the period (now while it runs): booked into"
                + " family custody, not released or removed; the count of custody-now and the Prometheus gauge")
        long inIceFamilyCustodyAtEnd,
        SeparationFigures separations) {

    static final String HOURS_OVER = "custody that ended in the period";
}
