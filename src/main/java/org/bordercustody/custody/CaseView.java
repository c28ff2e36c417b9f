package org.bordercustody.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GET /api/cases/{caseNumber}: whose case it is, where this person is now, and their earlier encounters. */
public record CaseView(
        String caseNumber,
        String eventNumber,
        String status,
        String classification,
        String placement,
        Instant apprehendedAt,
        Instant custodyDeadline,
        double hoursInCustody,
        Instant leftCbpCustodyAt,
        List<String> familyGroup,
        List<OpenTask> openTasks,
        Instant checkInDueBy,
        UUID personId,
        Person person,
        String sector,
        String station,
        List<String> priorEncounters,
        List<EarlierEncounter> earlierEncounters) {

    public record OpenTask(String id, String name, String candidateGroup, Instant due, int priority) {
    }

    /** The person as this encounter recorded them, with the identifiers the person has. */
    public record Person(String familyName, String givenNames, LocalDate dateOfBirth, String sex,
            String countryOfCitizenship, Identifiers identifiers) {
    }

    public record Identifiers(String aNumber, String fin, List<Document> documents) {
    }

    public record Document(String type, String number, String country) {
    }

    /** An earlier encounter: when, where, how it ended (its status now), and whether a check-in was missed. */
    public record EarlierEncounter(String caseNumber, Instant apprehendedAt, String sector, String station,
            String status, boolean missedCheckIn) {
    }
}
