package org.bordercustody.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bordercustody.custody.TimelineEntry;

/** What GET /api/people and GET /api/people/{personId} answer. */
final class PersonViews {

    record Found(List<PersonFound> people) {
    }

    record PersonFound(UUID personId, String familyName, String givenNames, LocalDate dateOfBirth, String sex,
            String countryOfCitizenship, String countryName, String aNumber, String fin, List<EncounterView> encounters) {
    }

    record EncounterView(String caseNumber, String eventNumber, Instant apprehendedAt, String sector, String station,
            String status, String whereNow, boolean missedCheckIn, String familyName, String givenNames,
            LocalDate dateOfBirth) {
    }

    record Document(String type, String number, String country, String words) {
    }

    record IdentifiersView(String aNumber, String fin, List<Document> documents) {
    }

    record PersonPage(UUID personId, String familyName, String givenNames, LocalDate dateOfBirth, String sex,
            String countryOfCitizenship, String countryName, IdentifiersView identifiers,
            List<EncounterWithTimeline> encounters, boolean canUndoLinks) {
    }

    /** An encounter with its timeline; linked when it joined this person after it was recorded (it can be undone). */
    record EncounterWithTimeline(EncounterView encounter, List<TimelineEntry> timeline, boolean linked) {
    }

    private PersonViews() {
    }
}
