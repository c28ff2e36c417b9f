package org.bordercustody.checkin;

import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_OFFICE;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_RECORDED_BY;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_WITH;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_REPORTED_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordCheckIn")
public class RecordCheckInDelegate implements JavaDelegate {

    private final CheckIns checkIns;

    public RecordCheckInDelegate(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checkIns.recordCheckIn(execution.getProcessBusinessKey(),
                ((Date) execution.getVariable(CHECK_IN_REPORTED_AT)).toInstant(),
                (String) execution.getVariable(CHECK_IN_OFFICE), (String) execution.getVariable(CHECK_IN_RECORDED_BY),
                (String) execution.getVariable(CHECK_IN_WITH));
    }
}
