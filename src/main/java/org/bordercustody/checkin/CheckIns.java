package org.bordercustody.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.Cases;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.custody.PartnerRequestIds;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.custody.ReleaseFollowUpProcess;
import org.bordercustody.custody.Timeline;
import org.bordercustody.family.FamilyLink;
import org.bordercustody.family.FamilyLinkRepository;
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

    /** A check-in, and the children released with the person whom it covered (their case numbers). */
    public record CheckIn(String caseNumber, String status, Instant reportedAt, Instant checkInDueBy, boolean onTime,
            boolean alreadyRecorded, List<String> childrenCovered) {
    }

    private final CustodyCaseRepository cases;
    private final CustodyEvents custodyEvents;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final PartnerRequestIds requestIds;
    private final Clock clock;
    private final FamilyLinkRepository familyLinks;

    public CheckIns(CustodyCaseRepository cases, CustodyEvents custodyEvents, Timeline timeline,
            RuntimeService runtimeService, PartnerRequestIds requestIds, Clock clock,
            FamilyLinkRepository familyLinks) {
        this.familyLinks = familyLinks;
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
                    !reportedAt.toInstant().isAfter(due), true, List.of());
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
        // A child released with the parent reports with the parent: the parent's check-in is the child's too. Each
        // child is read once locked, so that a child's own report committed meanwhile is seen.
        List<CustodyCase> children = childrenReleasedWith(custodyCase).stream()
                .map(child -> cases.lock(child.caseNumber())).filter(child -> isWaiting(child.status())).toList();
        correlateCheckIn(caseNumber, reportedAt, office, actor, null);
        children.forEach(child -> correlateCheckIn(child.caseNumber(), reportedAt, office, actor, caseNumber));
        requestIds.record(PartnerRequestIds.CHECK_IN, checkInId, caseNumber);
        return new CheckIn(caseNumber, CaseStatus.CHECKED_IN.name(), reportedAt.toInstant(), due,
                !reportedAt.toInstant().isAfter(due), false, children.stream().map(CustodyCase::caseNumber).toList());
    }

    private void correlateCheckIn(String caseNumber, OffsetDateTime reportedAt, String office, String actor,
            String with) {
        try {
            runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.CHECK_IN_REPORTED)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(ProcessData.of()
                            .with(CustodyProcess.Variables.CHECK_IN_REPORTED_AT, Date.from(reportedAt.toInstant()))
                            .with(CustodyProcess.Variables.CHECK_IN_OFFICE, office)
                            .with(CustodyProcess.Variables.CHECK_IN_RECORDED_BY, actor)
                            .with(CustodyProcess.Variables.CHECK_IN_WITH, with)
                            .variables())
                    .correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            throw new ConflictException("case " + caseNumber + " is no longer waiting for a check-in: another report"
                    + " about it was recorded at the same moment");
        }
    }

    private static boolean isWaiting(CaseStatus status) {
        return status == CaseStatus.RELEASED_AWAITING_CHECK_IN || status == CaseStatus.CHECK_IN_OVERDUE;
    }

    /**
     * The children (under 18 at the release) released together with the person, their parent or legal guardian:
     * the same release of the same family unit. Nobody for a person released alone or for a child.
     */
    public List<CustodyCase> childrenReleasedWith(CustodyCase parent) {
        Optional<Instant> releasedAt = cases.releasedAt(parent.caseNumber());
        if (parent.classification() != Classification.FAMILY_UNIT_MEMBER || !parent.isKnownAdult()
                || releasedAt.isEmpty()) {
            return List.of();
        }
        Set<String> wards = familyLinks.findByEvent(parent.eventNumber()).stream()
                .filter(link -> link.companionCaseNumber().equals(parent.caseNumber()))
                .filter(link -> link.relationship().makesFamilyUnit())
                .map(FamilyLink::caseNumber)
                .collect(Collectors.toSet());
        return cases.findByEvent(parent.eventNumber()).stream()
                .filter(child -> wards.contains(child.caseNumber()))
                .filter(child -> child.classification() == Classification.FAMILY_UNIT_MEMBER)
                .filter(child -> child.ageAt(releasedAt.get()) != null
                        && child.ageAt(releasedAt.get()) < CustodyCase.AGE_OF_MAJORITY)
                .filter(child -> releasedAt.equals(cases.releasedAt(child.caseNumber())))
                .toList();
    }

    /** The parent a child was released with, whom ICE still waits for or looks for; none otherwise. */
    private Optional<CustodyCase> parentStillFollowedUp(CustodyCase child) {
        return familyLinks.findByEvent(child.eventNumber()).stream()
                .filter(link -> link.caseNumber().equals(child.caseNumber()))
                .filter(link -> link.relationship().makesFamilyUnit())
                .map(link -> cases.get(link.companionCaseNumber()))
                .filter(parent -> childrenReleasedWith(parent).stream()
                        .anyMatch(covered -> covered.caseNumber().equals(child.caseNumber())))
                .filter(parent -> parent.status() == CaseStatus.RELEASED_AWAITING_CHECK_IN
                        || parent.status() == CaseStatus.CHECK_IN_OVERDUE && isBeingLocated(parent.caseNumber()))
                .sorted(java.util.Comparator.comparing(CustodyCase::caseNumber))
                .findFirst();
    }

    private boolean isBeingLocated(String caseNumber) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .activityId(ReleaseFollowUpProcess.Elements.TASK_LOCATE_PERSON).count() > 0;
    }

    /**
     * Called by the process when the check-in message arrives; {@code with} is the case of the parent a child
     * reported with, or null.
     */
    public void recordCheckIn(String caseNumber, Instant reportedAt, String office, String actor, String with) {
        Instant due = cases.checkInDueBy(caseNumber).orElseThrow();
        cases.recordCheckIn(caseNumber, reportedAt, office);
        String timing = reportedAt.isAfter(due)
                ? "late, " + Duration.between(due, reportedAt).toDays() + " days after the deadline"
                : "on time";
        String together = with == null ? "" : " with " + cases.get(with).displayName() + " (case " + with + ")";
        timeline.record(caseNumber, "CHECKED_IN", "Reported to ICE" + together + " at " + office + " on "
                + CustodyProcessStarter.shown(reportedAt) + ", " + timing, actor);
    }

    /**
     * Called by the process when 60 days pass without a check-in. A person apprehended again meanwhile did not miss
     * it: their wait ended then (a case whose process was not migrated to a model that ends the wait keeps its timer).
     */
    public boolean recordMissed(String caseNumber) {
        CustodyCase person = cases.get(caseNumber);
        if (person.status() != CaseStatus.RELEASED_AWAITING_CHECK_IN) {
            return false;
        }
        Instant due = cases.checkInDueBy(caseNumber).orElseThrow();
        cases.recordCheckInMissed(caseNumber);
        custodyEvents.clockBreached(caseNumber, LegalClock.CHECK_IN, due);
        Optional<CustodyCase> parent = parentStillFollowedUp(person);
        parent.ifPresent(followed -> timeline.record(caseNumber, "FOLLOWED_UP_WITH_PARENT", "Missed the check-in"
                + " with " + followed.displayName() + " (case " + followed.caseNumber() + "), with whom the child was"
                + " released: ICE's follow-up of that case is the child's too", Timeline.SYSTEM_ACTOR));
        return parent.isPresent();
    }

    /**
     * The follow-up of a parent who missed the check-in ended: the children it covered are followed up with it
     * (located with the parent), or, when the parent was found without them, each is to be located on their own.
     */
    public void endFamilyFollowUp(String parentCaseNumber, boolean childrenStillToLocate) {
        CustodyCase parent = cases.get(parentCaseNumber);
        for (CustodyCase child : childrenReleasedWith(parent)) {
            if (runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.FAMILY_FOLLOW_UP_ENDED)
                    .processInstanceBusinessKey(child.caseNumber())
                    .setVariables(ProcessData.of()
                            .with(CustodyProcess.Variables.CHILD_STILL_TO_LOCATE, childrenStillToLocate).variables())
                    .correlateAllWithResult().isEmpty()) {
                continue;
            }
            timeline.record(child.caseNumber(), "FOLLOWED_UP_WITH_PARENT", childrenStillToLocate
                    ? "ICE found " + parent.displayName() + " (case " + parentCaseNumber + ") apprehended again:"
                    + " the child is to be located on their own"
                    : "ICE closed the follow-up of " + parent.displayName() + " (case " + parentCaseNumber + "),"
                    + " which covered the child", Timeline.SYSTEM_ACTOR);
        }
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
