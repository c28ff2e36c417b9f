package org.bordercustody.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A parent whom ICE looked for was apprehended again, without the children released with them: each child is then
 * to be located on their own.
 */
@Component("handOnFamilyFollowUp")
public class HandOnFamilyFollowUpDelegate implements JavaDelegate {

    private final CheckIns checkIns;

    public HandOnFamilyFollowUpDelegate(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checkIns.endFamilyFollowUp(execution.getProcessBusinessKey(), true);
    }
}
