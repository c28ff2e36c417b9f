package org.bordercustody.custody;

/** Where the person is now. */
public enum CaseStatus {
    IN_CBP_CUSTODY,
    TRANSFERRED_TO_ICE,
    TRANSFERRED_TO_ORR,
    RELEASED_AWAITING_CHECK_IN,
    CHECK_IN_OVERDUE,
    CHECKED_IN,
    REMOVED,
    /** Released, and apprehended again before reporting to ICE: the check-in wait ended in a new encounter. */
    RE_ENCOUNTERED;

    /** In someone's custody (CBP's, ICE's or ORR's): such a person cannot be in a second case. */
    public boolean isInCustody() {
        return this == IN_CBP_CUSTODY || this == TRANSFERRED_TO_ICE || this == TRANSFERRED_TO_ORR;
    }

    /** Released and waiting to report to ICE, or late for it. */
    public boolean isAwaitingCheckIn() {
        return this == RELEASED_AWAITING_CHECK_IN || this == CHECK_IN_OVERDUE;
    }
}
