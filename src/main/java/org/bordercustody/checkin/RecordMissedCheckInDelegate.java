package org.bordercustody.checkin;

import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sixty days passed without a check-in: the case becomes overdue and ICE is asked to locate the person, unless a child
 * released with a parent whom ICE looks for: that search covers the child.
 */
@Component("recordMissedCheckIn")
public class RecordMissedCheckInDelegate implements JavaDelegate {

    private final CheckIns checkIns;

    public RecordMissedCheckInDelegate(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessData.set(execution, CustodyProcess.Variables.LOCATED_WITH_PARENT,
                checkIns.recordMissed(execution.getProcessBusinessKey()));
    }
}
