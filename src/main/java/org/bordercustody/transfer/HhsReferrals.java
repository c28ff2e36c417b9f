package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.HHS_REFERRAL_ID;
import static org.bordercustody.custody.OrrTransferProcess.Elements.TASK_NOTIFY_HHS_OF_CHILD;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bordercustody.custody.CaseNotFoundException;
import org.bordercustody.custody.Cases;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.custody.Timeline;
import org.bordercustody.custody.TimelineEntry;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HHS ORR acknowledges the referral of an unaccompanied child from its own system: the acknowledgement meets the
 * 48-hour HHS notification, so the agent's "Notify HHS ORR" task closes and its clock does not escalate. The agent's
 * task stays the way to notify when ORR's system does not answer in time.
 */
@Service
public class HhsReferrals {

    /** What an acknowledgement did: recorded now, or the same one recorded before. */
    public record Acknowledgement(String caseNumber, String referralId, Instant acknowledgedAt,
            boolean notificationTaskClosed, boolean alreadyRecorded) {
    }

    private final CustodyCaseRepository cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final TaskService taskService;
    private final Clock clock;

    HhsReferrals(CustodyCaseRepository cases, JdbcClient jdbc, Timeline timeline, TaskService taskService, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Transactional
    public Acknowledgement acknowledge(String caseNumber, String referralId, Instant acknowledgedAt, String actor) {
        cases.find(Cases.checked(caseNumber))
                .filter(found -> found.classification() == Classification.UNACCOMPANIED_CHILD)
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        cases.lock(caseNumber);
        Optional<Acknowledgement> recorded = recorded(caseNumber);
        if (recorded.isPresent()) {
            if (!recorded.get().referralId().equals(referralId)) {
                throw new ConflictException("the referral of case " + caseNumber + " was acknowledged as "
                        + recorded.get().referralId() + ", not " + referralId);
            }
            return recorded.get();
        }
        Optional<String> otherCase = jdbc.sql("SELECT case_number FROM hhs_referral_acknowledgement"
                        + " WHERE referral_id = :referralId")
                .param("referralId", referralId).query(String.class).optional();
        if (otherCase.isPresent()) {
            throw new ConflictException("the referral id " + referralId + " was acknowledged for another case");
        }
        Instant referredAt = timeline.of(caseNumber).stream()
                .filter(entry -> entry.type().equals("PLACEMENT_DECIDED")).map(TimelineEntry::at)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new ConflictException("case " + caseNumber + " has not been referred to HHS ORR yet"));
        Instant now = clock.instant();
        if (acknowledgedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidRequestException("acknowledgedAt", "is in the future");
        }
        if (acknowledgedAt.isBefore(referredAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
            throw new InvalidRequestException("acknowledgedAt", "is before the referral (" + referredAt + ")");
        }
        jdbc.sql("""
                INSERT INTO hhs_referral_acknowledgement (case_number, referral_id, acknowledged_at, recorded_by, recorded_at)
                VALUES (:caseNumber, :referralId, :acknowledgedAt, :actor, :now)
                """)
                .param("caseNumber", caseNumber).param("referralId", referralId)
                .param("acknowledgedAt", CustodyCaseRepository.utc(acknowledgedAt)).param("actor", actor)
                .param("now", CustodyCaseRepository.utc(now))
                .update();
        timeline.record(caseNumber, "HHS_REFERRAL_ACKNOWLEDGED", "HHS ORR acknowledged the referral " + referralId
                + " at " + CustodyProcessStarter.shown(acknowledgedAt) + ": the HHS notification is met", actor);
        Task notification = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(TASK_NOTIFY_HHS_OF_CHILD).singleResult();
        if (notification != null) {
            try {
                taskService.setAssignee(notification.getId(), actor);
                taskService.complete(notification.getId(), ProcessData.of().with(HHS_REFERRAL_ID, referralId).variables());
            } catch (OptimisticLockingException e) {
                throw new ConflictException("the HHS notification of case " + caseNumber + " was completed at the same"
                        + " moment; send the acknowledgement again");
            }
        }
        return new Acknowledgement(caseNumber, referralId, acknowledgedAt, notification != null, false);
    }

    private Optional<Acknowledgement> recorded(String caseNumber) {
        return jdbc.sql("SELECT referral_id, acknowledged_at FROM hhs_referral_acknowledgement WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> new Acknowledgement(caseNumber, rs.getString("referral_id"),
                        CustodyCaseRepository.instant(rs, "acknowledged_at"), false, true))
                .optional();
    }
}
