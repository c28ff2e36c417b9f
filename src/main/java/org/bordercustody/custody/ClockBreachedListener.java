package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.BREACHED_CLOCK;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.HHS_NOTIFICATION_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_TRANSFER_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.SCREENING_DEADLINE;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** An escalation task was created because a legal clock ran out: count the breach, put the task first. */
@Component("clockBreached")
public class ClockBreachedListener implements TaskListener {

    private static final Map<LegalClock, String> DEADLINE_VARIABLE = Map.of(
            LegalClock.CBP_HOLDING_LIMIT, CUSTODY_DEADLINE,
            LegalClock.HHS_NOTIFICATION, HHS_NOTIFICATION_DEADLINE,
            LegalClock.CONTIGUOUS_COUNTRY_SCREENING, SCREENING_DEADLINE,
            LegalClock.ORR_TRANSFER, ORR_TRANSFER_DEADLINE,
            LegalClock.FLORES_FAMILY_CUSTODY, FLORES_DEADLINE);

    private final CustodyEvents custodyEvents;

    public ClockBreachedListener(CustodyEvents custodyEvents) {
        this.custodyEvents = custodyEvents;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalClock clock = LegalClock.valueOf((String) task.getVariable(BREACHED_CLOCK));
        Date dueAt = (Date) task.getVariable(DEADLINE_VARIABLE.get(clock));
        custodyEvents.clockBreached(task.getExecution().getProcessBusinessKey(), clock, dueAt.toInstant());
        task.setPriority(TaskPriorities.ESCALATION);
    }
}
