package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.BREACHED_CLOCK;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.HHS_NOTIFICATION_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_TRANSFER_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.SCREENING_DEADLINE;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A legal clock ran out: the breach is counted and handed to its own follow-up, which outlives this path. */
@Component("startBreachFollowUp")
public class StartBreachFollowUpDelegate implements JavaDelegate {

    /** The process variable each clock's deadline is kept in. */
    public static final Map<LegalClock, String> DEADLINE_VARIABLE = Map.of(
            LegalClock.CBP_HOLDING_LIMIT, CUSTODY_DEADLINE,
            LegalClock.HHS_NOTIFICATION, HHS_NOTIFICATION_DEADLINE,
            LegalClock.CONTIGUOUS_COUNTRY_SCREENING, SCREENING_DEADLINE,
            LegalClock.ORR_TRANSFER, ORR_TRANSFER_DEADLINE,
            LegalClock.FLORES_FAMILY_CUSTODY, FLORES_DEADLINE);

    private final BreachFollowUps followUps;

    public StartBreachFollowUpDelegate(BreachFollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalClock clock = LegalClock.valueOf((String) execution.getVariable(BREACHED_CLOCK));
        Date dueAt = (Date) execution.getVariable(DEADLINE_VARIABLE.get(clock));
        followUps.escalate(execution.getProcessBusinessKey(), clock, dueAt.toInstant());
    }
}
