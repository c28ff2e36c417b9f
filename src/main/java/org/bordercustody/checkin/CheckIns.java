package org.bordercustody.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.Cases;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.custody.PartnerRequestIds;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.custody.Timeline;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the 60-day check-in after release (Form I-385; OIG-22-66 found 30% never reported). */
@Service
public class CheckIns {

    public record CheckIn(String caseNumber, String status, Instant reportedAt, Instant checkInDueBy, boolean onTime,
            boolean alreadyRecorded) {
    }

    private final CustodyCaseRepository cases;
    private final CustodyEvents custodyEvents;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final PartnerRequestIds requestIds;
    private final Clock clock;

    public CheckIns(CustodyCaseRepository cases, CustodyEvents custodyEvents, Timeline timeline,
            RuntimeService runtimeService, PartnerRequestIds requestIds, Clock clock) {
        this.cases = cases;
        this.requestIds = requestIds;
        this.custodyEvents = custodyEvents;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * ICE reports a check-in; the case's process records it, on time or late. ICE's system may give its own id of
     * the check-in: the same id again is the same check-in, recorded once.
     */
    @Transactional
    public CheckIn report(String caseNumber, String reportedAtText, String office, String checkInId, String actor) {
        OffsetDateTime reportedAt = reportedAt(reportedAtText);
        CustodyCase custodyCase = cases.lock(Cases.checked(caseNumber));
        if (requestIds.alreadyRecorded(PartnerRequestIds.CHECK_IN, checkInId, caseNumber)) {
            Instant due = cases.checkInDueBy(caseNumber).orElseThrow();
            return new CheckIn(caseNumber, custodyCase.status().name(), reportedAt.toInstant(), due,
                    !reportedAt.toInstant().isAfter(due), true);
        }
        if (custodyCase.status() != CaseStatus.RELEASED_AWAITING_CHECK_IN
                && custodyCase.status() != CaseStatus.CHECK_IN_OVERDUE) {
            throw new ConflictException("case " + caseNumber + " is " + custodyCase.status()
                    + ", not waiting for a check-in");
        }
        Instant due = cases.checkInDueBy(caseNumber).orElseThrow();
        if (reportedAt.toInstant().isBefore(cases.releasedAt(caseNumber).orElseThrow())) {
            throw new InvalidRequestException("reportedAt", "is before the release");
        }
        if (reportedAt.toInstant().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new InvalidRequestException("reportedAt", "is in the future");
        }
        try {
            runtimeService.createMessageCorrelation(CustodyProcess.Messages.CHECK_IN_REPORTED)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(ProcessData.of()
                            .with(CustodyProcess.Variables.CHECK_IN_REPORTED_AT, Date.from(reportedAt.toInstant()))
                            .with(CustodyProcess.Variables.CHECK_IN_OFFICE, office)
                            .with(CustodyProcess.Variables.CHECK_IN_RECORDED_BY, actor)
                            .variables())
                    .correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            throw new ConflictException("case " + caseNumber + " is no longer waiting for a check-in: another report"
                    + " about it was recorded at the same moment");
        }
        requestIds.record(PartnerRequestIds.CHECK_IN, checkInId, caseNumber);
        return new CheckIn(caseNumber, CaseStatus.CHECKED_IN.name(), reportedAt.toInstant(), due,
                !reportedAt.toInstant().isAfter(due), false);
    }

    /** Called by the process when the check-in message arrives. */
    public void recordCheckIn(String caseNumber, Instant reportedAt, String office, String actor) {
        Instant due = cases.checkInDueBy(caseNumber).orElseThrow();
        cases.recordCheckIn(caseNumber, reportedAt, office);
        String timing = reportedAt.isAfter(due)
                ? "late, " + Duration.between(due, reportedAt).toDays() + " days after the deadline"
                : "on time";
        timeline.record(caseNumber, "CHECKED_IN", "Reported to ICE at " + office + " on "
                + CustodyProcessStarter.shown(reportedAt) + ", " + timing, actor);
    }

    /**
     * Called by the process when 60 days pass without a check-in. A person apprehended again meanwhile did not miss
     * it: their wait ended then (a case whose process was not migrated to a model that ends the wait keeps its timer).
     */
    public void recordMissed(String caseNumber) {
        if (cases.get(caseNumber).status() != CaseStatus.RELEASED_AWAITING_CHECK_IN) {
            return;
        }
        Instant due = cases.checkInDueBy(caseNumber).orElseThrow();
        cases.recordCheckInMissed(caseNumber);
        custodyEvents.clockBreached(caseNumber, LegalClock.CHECK_IN, due);
    }

    private static OffsetDateTime reportedAt(String text) {
        if (text == null) {
            throw new InvalidRequestException("reportedAt", "is required");
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("reportedAt",
                    "must be ISO-8601 with an explicit offset or Z, such as 2026-12-20T15:00:00-06:00");
        }
    }
}
