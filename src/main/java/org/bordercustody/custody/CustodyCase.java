package org.bordercustody.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;

/** One person's case (an encounter of theirs) as recorded in the case table, with the apprehension it belongs to. */
public record CustodyCase(
        String caseNumber,
        String eventNumber,
        String personRef,
        String familyName,
        String givenNames,
        LocalDate dateOfBirth,
        boolean dateOfBirthEstimated,
        String sex,
        String countryOfCitizenship,
        Instant apprehendedAt,
        ZoneOffset apprehendedOffset,
        Classification classification,
        String placement,
        CaseStatus status,
        Instant custodyDeadline,
        Instant leftCbpCustodyAt,
        Instant intakeCompletedAt,
        String recordsCheck,
        String medicalScreening,
        UUID personId,
        String sector,
        String station) {

    public static final int AGE_OF_MAJORITY = 18;

    public String displayName() {
        return familyName + ", " + givenNames;
    }

    /** Age in whole years on the local calendar day of the apprehension; null when the date of birth is unknown. */
    public Integer ageAtApprehension() {
        if (dateOfBirth == null) {
            return null;
        }
        LocalDate apprehensionDay = apprehendedAt.atOffset(apprehendedOffset).toLocalDate();
        return Period.between(dateOfBirth, apprehensionDay).getYears();
    }

    /** Age in whole years on the local calendar day (at the apprehension's offset) of the instant; null when unknown. */
    public Integer ageAt(Instant instant) {
        if (dateOfBirth == null) {
            return null;
        }
        return Period.between(dateOfBirth, instant.atOffset(apprehendedOffset).toLocalDate()).getYears();
    }

    public boolean isKnownAdult() {
        Integer age = ageAtApprehension();
        return age != null && age >= AGE_OF_MAJORITY;
    }

    public boolean isIntakeComplete() {
        return intakeCompletedAt != null;
    }

}
