package org.bordercustody.privacy;

import java.time.Instant;
import java.util.UUID;

/** One read of a person's record: when, by whom, through which entry point, of which case (and person). */
public record CaseRead(Instant at, String userId, ReadVia via, String caseNumber, UUID personId) {
}
