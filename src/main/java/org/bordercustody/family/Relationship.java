package org.bordercustody.family;

/** How a companion is related to the person they were encountered with. */
public enum Relationship {
    PARENT,
    LEGAL_GUARDIAN,
    OTHER_RELATIVE,
    UNRELATED_ADULT;

    /** Only a parent or legal guardian makes a family unit with a child; any other adult does not. */
    public boolean makesFamilyUnit() {
        return this == PARENT || this == LEGAL_GUARDIAN;
    }
}
