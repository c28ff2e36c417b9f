package org.bordercustody.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Who is in CBP custody now, against the clocks: what a manager watches in Cockpit. */
public record CustodyNow(
        Instant at,
        long inCbpCustody,
        Map<String, Long> inCbpCustodyByHoursHeld,
        long nearCustodyLimit,
        long pastCustodyLimit,
        List<HeldCase> longestHeld,
        long unaccompaniedChildrenAwaitingOrrTransfer,
        Double checkInComplianceLast90Days) {

    public record HeldCase(String caseNumber, String classification, double hoursInCustody, Instant custodyDeadline) {
    }
}
