package org.bordercustody.custody;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use cases of the custody clock and of leaving CBP custody. */
@Service
public class CustodyEvents {

    private final CustodyCaseRepository cases;
    private final BreachRepository breaches;
    private final Timeline timeline;
    private final Clock clock;

    public CustodyEvents(CustodyCaseRepository cases, BreachRepository breaches, Timeline timeline, Clock clock) {
        this.cases = cases;
        this.breaches = breaches;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** A legal clock ran out: counted once per case and clock, and written to the timeline. */
    public void clockBreached(String caseNumber, LegalClock legalClock, Instant dueAt) {
        if (breaches.recordOnce(caseNumber, legalClock, dueAt, clock.instant())) {
            timeline.record(caseNumber, "CLOCK_BREACHED", legalClock.description() + " passed at "
                    + CustodyProcessStarter.shown(dueAt) + "; escalated for follow-up", Timeline.SYSTEM_ACTOR, null,
                    legalClock.name());
        }
    }

    public void custodyLimitApproaching(String caseNumber, Instant deadline) {
        timeline.record(caseNumber, "CUSTODY_LIMIT_WARNING", "CBP holding limit reached at "
                + CustodyProcessStarter.shown(deadline) + "; supervisor asked to review", Timeline.SYSTEM_ACTOR);
    }

    /** The child left CBP custody for the ORR care provider of the code, shown by its name. */
    public void transferredToOrr(String caseNumber, String facilityCode, String facility) {
        cases.leaveCbpCustody(caseNumber, CaseStatus.TRANSFERRED_TO_ORR, clock.instant());
        if (facilityCode != null) {
            cases.recordHeldAt(caseNumber, facilityCode);
        }
        timeline.record(caseNumber, "TRANSFERRED_TO_ORR", "Transferred to HHS ORR care"
                + (facility == null ? "" : " at " + facility) + "; CBP custody ended", Timeline.SYSTEM_ACTOR);
    }

    public void childReturned(String caseNumber) {
        cases.leaveCbpCustody(caseNumber, CaseStatus.REMOVED, clock.instant());
        timeline.record(caseNumber, "RETURNED", "Child from a contiguous country permitted to withdraw the"
                + " application and returned (8 U.S.C. 1232(a)(2)); CBP custody ended", Timeline.SYSTEM_ACTOR);
    }

    /** ORR named the care provider (shown by its name) and the kind of placement (a code of the form's list). */
    public void orrPlacementDesignated(String caseNumber, String facility, String placementType, String actor) {
        String kind = TaskForms.deployed().choicesOf("orrPlacementType").getOrDefault(placementType, placementType);
        timeline.record(caseNumber, "ORR_PLACEMENT_DESIGNATED",
                "ORR designated a placement (" + kind + ") at " + facility, actor);
    }
}
