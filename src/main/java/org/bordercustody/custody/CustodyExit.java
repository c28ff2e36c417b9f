package org.bordercustody.custody;

/** Where a person went on leaving CBP custody; the process routes on it after custody ends. */
public enum CustodyExit {
    IN_CBP_CUSTODY,
    RELEASED,
    TRANSFERRED_TO_ICE,
    TRANSFERRED_TO_ICE_FAMILY_CUSTODY,
    TRANSFERRED_TO_ORR,
    REMOVED
}
