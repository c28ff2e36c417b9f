package org.bordercustody.tasklist;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bordercustody.identity.CustodyUser;
import org.bordercustody.custody.BreachRepository;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.Encounters;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.TaskPriorities;
import org.bordercustody.privacy.ReadLog;
import org.bordercustody.privacy.ReadVia;
import org.bordercustody.system.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a Tasklist card says about its task's person: name, case number, age and the task's clock. Answered only
 * for a task the caller may see, as the engine decides with the caller's own groups; any other task is not found.
 */
@RestController
@Tag(name = "Web apps: task cards (Tasklist)")
class TaskCards {

    /** The card: who, which case, how old, and the task's due time in words (due in / overdue by). */
    record TaskCard(String taskId, String caseNumber, String name, Integer age, Instant due, boolean overdue,
            String clock, String urgency, String earlierEncounters) {
    }

    private final TaskService taskService;
    private final IdentityService identityService;
    private final CustodyCaseRepository cases;
    private final Clock clock;
    private final Encounters encounters;
    private final BreachRepository breaches;
    private final ReadLog readLog;

    TaskCards(TaskService taskService, IdentityService identityService, CustodyCaseRepository cases, Clock clock,
            Encounters encounters, BreachRepository breaches, ReadLog readLog) {
        this.readLog = readLog;
        this.encounters = encounters;
        this.breaches = breaches;
        this.taskService = taskService;
        this.identityService = identityService;
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/api/tasks/{taskId}/card")
    TaskCard card(@PathVariable String taskId, Principal caller) {
        Task task = visibleTo(caller, taskId);
        CustodyCase custodyCase = cases.caseNumberOfTask(task.getId()).flatMap(cases::find)
                .orElseThrow(() -> new NotFoundException("task " + taskId));
        Instant now = clock.instant();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        boolean overdue = due != null && due.isBefore(now);
        TaskCard card = new TaskCard(task.getId(), custodyCase.caseNumber(), custodyCase.displayName(),
                custodyCase.ageAtApprehension(), due, overdue, clockWords(due, now), urgency(task.getPriority()),
                earlierWords(custodyCase));
        readLog.read(caller.getName(), ReadVia.TASK_CARD, custodyCase.caseNumber(), custodyCase.personId());
        return card;
    }

    private Task visibleTo(Principal caller, String taskId) {
        List<String> groups = caller instanceof Authentication authentication
                ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList() : List.of();
        List<String> sectors = caller instanceof Authentication authentication
                ? CustodyUser.sectorsOf(authentication) : List.of();
        identityService.setAuthentication(caller.getName(), groups, sectors);
        try {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                throw new NotFoundException("task " + taskId);
            }
            return task;
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** "2 earlier encounters, a check-in missed", or nothing for a first encounter. */
    private String earlierWords(CustodyCase custodyCase) {
        List<CustodyCase> earlier = encounters.earlier(custodyCase);
        if (earlier.isEmpty()) {
            return null;
        }
        boolean missed = !breaches.missedCheckIns(earlier.stream().map(CustodyCase::caseNumber).toList()).isEmpty();
        return (earlier.size() == 1 ? "1 earlier encounter" : earlier.size() + " earlier encounters")
                + (missed ? ", a check-in missed" : "");
    }

    /** The task's priority in words, as the list is ordered by it: what a bare number would not say. */
    static String urgency(int priority) {
        if (priority >= TaskPriorities.ESCALATION) {
            return "escalation";
        }
        if (priority >= TaskPriorities.CLOCK_RUNNING_OUT) {
            return "clock running out";
        }
        return priority >= TaskPriorities.DUE_WITHIN_A_DAY ? "due within a day" : "";
    }

    /** "due in 2 hours", "overdue by a day": Tasklist's own amount (see {@link RelativeTime}), said in the card's words. */
    static String clockWords(Instant due, Instant now) {
        if (due == null) {
            return "no due time";
        }
        String amount = RelativeTime.amount(now, due, ZoneOffset.UTC);
        return due.isBefore(now) ? "overdue by " + amount : "due in " + amount;
    }
}
