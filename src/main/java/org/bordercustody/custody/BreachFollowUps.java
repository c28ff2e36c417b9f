package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.BREACHED_CLOCK;
import static org.bordercustody.custody.CustodyProcess.Variables.BREACH_DUE_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERDUE_ACTION;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERDUE_CAUSE;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERDUE_CAUSE_DETAILS;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Use cases of a breached legal clock: it is counted, written on the timeline and handed to one follow-up per case
 * and clock ({@link BreachFollowUpProcess}), which stays open until the cause and the action taken are recorded.
 */
@Service
public class BreachFollowUps {

    /** The longest cause in words or action a follow-up keeps, as its form allows. */
    public static final int LONGEST_TEXT = 1000;

    private final CustodyEvents custodyEvents;
    private final BreachRepository breaches;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public BreachFollowUps(CustodyEvents custodyEvents, BreachRepository breaches, Timeline timeline,
            RuntimeService runtimeService, Clock clock) {
        this.custodyEvents = custodyEvents;
        this.breaches = breaches;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** A legal clock of the case ran out at dueAt: counted once, and followed up once. */
    public void escalate(String caseNumber, LegalClock legalClock, Instant dueAt) {
        custodyEvents.clockBreached(caseNumber, legalClock, dueAt);
        followUp(caseNumber, legalClock, dueAt);
    }

    /**
     * Starts the breach's follow-up unless one is running for the case and clock or the breach is explained already
     * (a timer fired again, a job retried, a migration run twice); true when this call started it.
     */
    public boolean followUp(String caseNumber, LegalClock legalClock, Instant dueAt) {
        boolean running = runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber).variableValueEquals(BREACHED_CLOCK, legalClock.name())
                .count() > 0;
        if (running || breaches.isExplained(caseNumber, legalClock)) {
            return false;
        }
        runtimeService.startProcessInstanceByKey(BreachFollowUpProcess.KEY, caseNumber, ProcessData.of()
                .with(CustodyProcess.Variables.CASE_SECTOR, sectorOf(caseNumber))
                .with(BREACHED_CLOCK, legalClock.name())
                .with(BREACH_DUE_AT, Date.from(dueAt))
                .variables());
        return true;
    }

    /** The sector of a running process of the case; none when none runs (the follow-up then takes its starter's). */
    private String sectorOf(String caseNumber) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKeyIn(CaseProcesses.KEYS.toArray(String[]::new))
                .processInstanceBusinessKey(caseNumber).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getTenantId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * Records why the clock's deadline was missed (a code of {@link BreachCause}, in words as well when "Other") and
     * what was done, on the breach and the timeline; refused, naming the field, when an answer is missing, not on
     * the list or too long, and when the breach is explained already.
     */
    public void explain(String caseNumber, LegalClock legalClock, Instant dueAt, String causeCode, String causeDetails,
            String actionTaken, String actor) {
        BreachCause cause = causeOf(causeCode);
        String details = text(OVERDUE_CAUSE_DETAILS, causeDetails, false);
        if (cause == BreachCause.OTHER && details == null) {
            throw new InvalidRequestException(OVERDUE_CAUSE_DETAILS, "is required when the cause is Other");
        }
        String action = text(OVERDUE_ACTION, actionTaken, true);
        Instant now = clock.instant();
        breaches.recordOnce(caseNumber, legalClock, dueAt, now);
        if (!breaches.explain(caseNumber, legalClock,
                new BreachRepository.Explanation(cause, details, action, actor, now))) {
            throw new ConflictException("The breach of the " + legalClock.description() + " of case " + caseNumber
                    + " is explained already");
        }
        timeline.record(caseNumber, "BREACH_EXPLAINED", legalClock.description() + " passed at "
                + CustodyProcessStarter.shown(dueAt) + ". Cause: " + cause.words()
                + (details == null ? "" : " (" + details + ")") + ". Action taken: " + action, actor, null,
                legalClock.name());
    }

    private static BreachCause causeOf(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException(OVERDUE_CAUSE, "is required");
        }
        return Arrays.stream(BreachCause.values()).filter(cause -> cause.name().equals(code.strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException(OVERDUE_CAUSE, "must be one of "
                        + String.join(", ", Arrays.stream(BreachCause.values()).map(Enum::name).toList())));
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidRequestException(field, "is required");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > LONGEST_TEXT) {
            throw new InvalidRequestException(field, "must be at most " + LONGEST_TEXT + " characters");
        }
        return text;
    }
}
