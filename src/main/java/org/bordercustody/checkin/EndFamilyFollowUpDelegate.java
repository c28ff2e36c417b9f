package org.bordercustody.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ICE closed the search for a parent who missed the check-in: the children it covered are followed up with it. */
@Component("endFamilyFollowUp")
public class EndFamilyFollowUpDelegate implements JavaDelegate {

    private final CheckIns checkIns;

    public EndFamilyFollowUpDelegate(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checkIns.endFamilyFollowUp(execution.getProcessBusinessKey(), false);
    }
}
