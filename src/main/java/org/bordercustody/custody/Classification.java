package org.bordercustody.custody;

/** Family status, as the family status decision table decides it. */
public enum Classification {
    SINGLE_ADULT,
    FAMILY_UNIT_MEMBER,
    UNACCOMPANIED_CHILD,
    UNDETERMINED
}
