package org.bordercustody.custody;

/** Where the person is now. */
public enum CaseStatus {
    IN_CBP_CUSTODY,
    TRANSFERRED_TO_ICE,
    TRANSFERRED_TO_ORR,
    RELEASED_AWAITING_CHECK_IN,
    CHECK_IN_OVERDUE,
    CHECKED_IN,
    REMOVED
}
