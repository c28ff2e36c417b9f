package org.bordercustody.custody;

/**
 * Something was recorded in a case's timeline; published in the step's transaction, so that a listener after the
 * commit (the operations counters) sees only what was kept.
 */
public record CaseRecorded(String caseNumber, String type, String sector, String clock) {
}
