package org.bordercustody.apprehension;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.bordercustody.family.Relationship;

/** The body of POST /api/apprehensions (../shared/api.md). Times and dates are checked by the use case. */
public record ApprehensionRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be 1-32 of A-Z, 0-9 and -")
        String eventNumber,
        @NotBlank String apprehendedAt,
        @NotNull @Valid Location location,
        @NotNull @Size(min = 1, max = 99, message = "must list 1 to 99 people") List<@NotNull @Valid Person> persons) {

    static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M}' .-]*";
    static final String NAME_MESSAGE = "must be letters, spaces, apostrophes, periods or hyphens";
    static final String CODE = "[A-Z0-9]{2,8}";
    static final String CODE_MESSAGE = "must be 2-8 of A-Z and 0-9";

    public record Location(
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String sector,
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String station) {
    }

    public record Person(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 of letters, digits, _ and -")
            String ref,
            @NotNull @Size(min = 1, max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String familyName,
            @NotNull @Size(min = 1, max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String givenNames,
            String dateOfBirth,
            @NotNull @Pattern(regexp = "[FMX]", message = "must be F, M or X") String sex,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code")
            String countryOfCitizenship,
            @Size(max = 10) List<@NotNull @Valid Companion> accompaniedBy,
            @Valid IdentifiersGiven identifiers) {

        /** A person encountered without identifiers. */
        public Person(String ref, String familyName, String givenNames, String dateOfBirth, String sex,
                String countryOfCitizenship, List<Companion> accompaniedBy) {
            this(ref, familyName, givenNames, dateOfBirth, sex, countryOfCitizenship, accompaniedBy, null);
        }

        public List<Companion> companions() {
            return accompaniedBy == null ? List.of() : accompaniedBy;
        }
    }

    /** What identifies the person, each optional; formats are checked by the use case (ApprehensionRules). */
    public record IdentifiersGiven(
            String aNumber,
            String fin,
            @Size(max = 10, message = "must list at most 10 documents") List<@NotNull @Valid Document> documents) {

        public List<Document> documentList() {
            return documents == null ? List.of() : documents;
        }
    }

    public record Document(String type, String number, String country) {
    }

    /** A person this person was encountered with, and that person's relationship to this one. */
    public record Companion(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 of letters, digits, _ and -")
            String ref,
            @NotNull Relationship relationship) {
    }
}
