package org.bordercustody.custody;

import java.time.Instant;
import java.util.List;

/** GET /api/cases/{caseNumber}: where this person is now. */
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
        Instant checkInDueBy) {

    public record OpenTask(String id, String name, String candidateGroup, Instant due, int priority) {
    }
}
