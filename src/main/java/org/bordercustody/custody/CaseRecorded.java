package org.bordercustody.custody;

import java.time.Instant;

/**
 * Something was recorded in a case's timeline; published in the step's transaction, so that a listener in it (the
 * partner events) is kept or rolled back with the change, and a listener after the commit (the operations
 * counters) sees only what was kept.
 */
public record CaseRecorded(String caseNumber, String type, String sector, String clock, Instant at,
        String description) {
}
