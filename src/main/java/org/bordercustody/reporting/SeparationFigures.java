package org.bordercustody.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The children separated from a parent or legal guardian by decisions of a period, each child counted once however
 * many adults they were separated from: by the reason decided (a code of the closed list), by the Border Patrol
 * sector of the child's apprehension, by the child's age at the separation, how long each child was apart and how
 * many were reunified. Each breakdown adds up to {@code childrenSeparated}; so do {@code reunified} and
 * {@code stillApart}. Reunification and hours apart are as of the end of the period, or now while the period runs:
 * a child still apart then counts the hours up to that instant. A child is reunified when with one of the adults they
 * were separated from again; the hours are null when no child was separated.
 */
@Schema(description = "The children separated by decisions of the period, each once; every breakdown adds up to"
        + " childrenSeparated, and so do reunified and stillApart")
public record SeparationFigures(
        long childrenSeparated,
        @Schema(description = "Children by the reason decided, every code of the closed list")
        Map<String, Long> byReason,
        @Schema(description = "Children by the Border Patrol sector of their apprehension")
        Map<String, Long> bySector,
        @Schema(description = "Children by age on the day of the decision: 0-5, 6-12, 13-17, unknown")
        Map<String, Long> byAgeAtSeparation,
        @Schema(description = "Hours from the decision to the reunification, or for a child still apart to the end of"
                + " the period (now while it runs); null when nobody was separated")
        Double medianHoursApart,
        @Schema(description = "The longest of those hours; null when nobody was separated")
        Double maximumHoursApart,
        @Schema(description = "Children with one of the adults they were separated from again by the end of the period")
        long reunified,
        long stillApart) {
}
