package org.bordercustody.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The breaches of a period, the latest first: each clock that ran out, for whom, and why, as its follow-up says. */
@Schema(description = "The legal clocks that ran out in the period (their deadline in it), the latest first, at most"
        + " limit of them; total counts them all")
public record BreachList(String from, String to, long total, List<Breach> breaches) {

    /** One breach; the cause and action are null until the supervisor's follow-up recorded them. */
    public record Breach(String caseNumber, String name, String sector, String station, String clock,
            String clockWords, Instant dueAt, String cause, String causeWords, String causeDetails,
            String actionTaken, String explainedBy, Instant explainedAt) {
    }
}
