package org.bordercustody.custody;

/** Family status, as the family status decision table decides it. */
public enum Classification {
    SINGLE_ADULT("single adult"),
    FAMILY_UNIT_MEMBER("member of a family unit"),
    UNACCOMPANIED_CHILD("unaccompanied child"),
    UNDETERMINED("not yet determined");

    private final String words;

    Classification(String words) {
        this.words = words;
    }

    /** What the timeline and the forms say. */
    public String words() {
        return words;
    }
}
