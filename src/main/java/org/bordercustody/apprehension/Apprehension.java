package org.bordercustody.apprehension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.bordercustody.family.Relationship;
import org.bordercustody.person.Identifiers;

/** A checked apprehension: the instant in UTC with the offset it was reported in, and the people encountered. */
public record Apprehension(
        String eventNumber,
        Instant apprehendedAt,
        ZoneOffset reportedOffset,
        String sector,
        String station,
        List<EncounteredPerson> persons) {

    public record EncounteredPerson(
            String ref,
            String familyName,
            String givenNames,
            LocalDate dateOfBirth,
            String sex,
            String countryOfCitizenship,
            List<Companion> companions,
            Identifiers identifiers) {
    }

    public record Companion(String ref, Relationship relationship) {
    }

    /** The case number of the person at this position: the event number and a two-digit sequence. */
    public String caseNumber(int index) {
        return "%s-%02d".formatted(eventNumber, index + 1);
    }
}
