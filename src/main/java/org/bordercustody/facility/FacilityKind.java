package org.bordercustody.facility;

import java.util.Arrays;
import org.bordercustody.system.InvalidRequestException;

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

    /** A kind by its name, or the API's refusal naming the field: one of the kinds, as the API spells them. */
    public static FacilityKind named(String name, String field) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "must be one of "
                        + String.join(", ", Arrays.stream(values()).map(Enum::name).toList())));
    }
}
