package org.bordercustody.custody;

/** The clocks whose breach is counted. */
public enum LegalClock {
    CBP_HOLDING_LIMIT("CBP holding limit (TEDS 2015 section 1.8)"),
    HHS_NOTIFICATION("Deadline to notify HHS of an unaccompanied child (8 U.S.C. 1232(b)(2))"),
    CONTIGUOUS_COUNTRY_SCREENING("Deadline to screen a child from a contiguous country (8 U.S.C. 1232(a)(4))"),
    ORR_TRANSFER("Deadline to transfer an unaccompanied child to HHS ORR (8 U.S.C. 1232(b)(3))"),
    FLORES_FAMILY_CUSTODY("Limit for children held with a parent in ICE family custody (Flores settlement)"),
    CHECK_IN("Deadline to report to ICE after release (Form I-385, 60 days)");

    private final String description;

    LegalClock(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
