package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.BREACHED_CLOCK;
import static org.bordercustody.custody.CustodyProcess.Variables.BREACH_DUE_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERDUE_ACTION;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERDUE_CAUSE;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERDUE_CAUSE_DETAILS;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The follow-up's task was completed: its cause and action go on the breach and the timeline, or it stays open. */
@Component("recordBreachExplanation")
public class RecordBreachExplanationDelegate implements JavaDelegate {

    private final BreachFollowUps followUps;

    public RecordBreachExplanationDelegate(BreachFollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormAnswers answers = new FormAnswers(execution);
        LegalClock clock = LegalClock.valueOf((String) execution.getVariable(BREACHED_CLOCK));
        Date dueAt = (Date) execution.getVariable(BREACH_DUE_AT);
        FormAnswers.asForm(() -> followUps.explain(execution.getProcessBusinessKey(), clock, dueAt.toInstant(),
                answers.optionalText(OVERDUE_CAUSE), answers.optionalText(OVERDUE_CAUSE_DETAILS),
                answers.optionalText(OVERDUE_ACTION), Actors.of(execution)));
    }
}
