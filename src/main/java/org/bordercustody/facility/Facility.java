package org.bordercustody.facility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * A facility of the reference list: the ages (whole years at book-in, both inclusive) and sexes ({@code ANY},
 * {@code M} or {@code F}) it may hold, where it is, and for a CBP station the sector it belongs to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Facility(String code, String name, Agency agency, FacilityKind kind, int minAge, int maxAge,
        String sexes, String city, String state, String sector) {

    public static final String ANY_SEX = "ANY";

    /** The name as people read it, with the code a system sends: "Eloy Detention Center (ELOY)". */
    public String shown() {
        return name + " (" + code + ")";
    }

    /**
     * The facility as a form's choice list names it, with what it may hold: "Eloy Detention Center, Eloy AZ: adult
     * detention"; a test holds the forms' lists to these words.
     */
    public String choiceLabel() {
        String ages = minAge == 0 && maxAge >= 120 ? "" : ", ages " + minAge + (maxAge >= 120 ? "+" : "-" + maxAge);
        String who = switch (sexes) {
            case "M" -> kind.agency() == Agency.ORR ? ", boys only" : ", men only";
            case "F" -> kind.agency() == Agency.ORR ? ", girls only" : ", women only";
            default -> "";
        };
        String what = switch (kind) {
            case CBP_HOLDING -> "CBP holding";
            case ICE_ADULT_DETENTION -> "adult detention";
            case ICE_FAMILY_RESIDENTIAL_CENTER -> "family residential center, children with a parent or legal guardian";
            case ORR_SHELTER -> "shelter";
            case ORR_FOSTER_CARE -> "transitional foster care";
            case ORR_STAFF_SECURE -> "staff-secure care";
        };
        return name + ", " + city + " " + state + ": " + what + (kind == FacilityKind.ICE_ADULT_DETENTION ? "" : ages)
                + who;
    }

    /**
     * Why this facility may not hold a person of this sex and age, in words that name the facility; empty when it may.
     * A person of unknown age is held only where every age may be.
     */
    public Optional<String> refusal(String sex, Integer age) {
        if (age == null && minAge > 0) {
            return Optional.of(shown() + " holds people aged " + minAge + " and over, and the age of the person is"
                    + " not on record: record the date of birth first");
        }
        if (age != null && (age < minAge || age > maxAge)) {
            return Optional.of(shown() + " holds people aged " + minAge + (maxAge >= 120 ? " and over" : " to " + maxAge)
                    + ", not a person aged " + age);
        }
        if (!ANY_SEX.equals(sexes) && !sexes.equals(sex)) {
            return Optional.of(shown() + " holds " + ("M".equals(sexes) ? "men and boys" : "women and girls")
                    + " only");
        }
        return Optional.empty();
    }
}
