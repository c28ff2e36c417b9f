package org.bordercustody.facility;

/** What a facility is, and so which agency runs it. */
public enum FacilityKind {
    CBP_HOLDING(Agency.CBP),
    ICE_ADULT_DETENTION(Agency.ICE),
    /** The only ICE facilities that may hold children, each with a parent or legal guardian (Flores settlement). */
    ICE_FAMILY_RESIDENTIAL_CENTER(Agency.ICE),
    ORR_SHELTER(Agency.ORR),
    ORR_FOSTER_CARE(Agency.ORR),
    ORR_STAFF_SECURE(Agency.ORR);

    private final Agency agency;

    FacilityKind(Agency agency) {
        this.agency = agency;
    }

    public Agency agency() {
        return agency;
    }
}
