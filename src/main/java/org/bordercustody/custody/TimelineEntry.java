package org.bordercustody.custody;

import java.time.Instant;

/** One line of a case's history. */
public record TimelineEntry(Instant at, String type, String description, String actor) {
}
