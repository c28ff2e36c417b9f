package org.bordercustody.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who is in CBP custody now, against the clocks, and who is in ICE family custody: what a manager watches in Cockpit.
 */
public record CustodyNow(
        Instant at,
        long inCbpCustody,
        Map<String, Long> inCbpCustodyByHoursHeld,
        long nearCustodyLimit,
        long pastCustodyLimit,
        List<HeldCase> longestHeld,
        long unaccompaniedChildrenAwaitingOrrTransfer,
        Double checkInComplianceLast90Days,
        long inIceFamilyCustody,
        List<LateCase> lateNow) {

    public record HeldCase(String caseNumber, String name, String classification, double hoursInCustody,
            Instant custodyDeadline) {
    }

    /** Someone late on a clock now: who, which clock (its code and its words), since when, and the Cockpit link. */
    public record LateCase(String caseNumber, String name, String clock, String clockWords, Instant dueAt,
            double hoursLate, String processInstanceId) {
    }
}
