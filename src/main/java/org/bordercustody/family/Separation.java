package org.bordercustody.family;

import java.time.Instant;

/**
 * A child separated from a parent or legal guardian: who decided, when and why, and when the two were reunified
 * ({@code null} while they are apart).
 */
public record Separation(long id, String eventNumber, String childCaseNumber, String parentCaseNumber,
        SeparationReason reason, String note, Instant decidedAt, String decidedBy, Instant reunifiedAt,
        String reunifiedBy, String reunifiedNote) {

    public boolean reunified() {
        return reunifiedAt != null;
    }
}
