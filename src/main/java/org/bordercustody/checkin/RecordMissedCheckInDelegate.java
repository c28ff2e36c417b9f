package org.bordercustody.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sixty days passed without a check-in: the case becomes overdue and ICE is asked to locate the person. */
@Component("recordMissedCheckIn")
public class RecordMissedCheckInDelegate implements JavaDelegate {

    private final CheckIns checkIns;

    public RecordMissedCheckInDelegate(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checkIns.recordMissed(execution.getProcessBusinessKey());
    }
}
