package org.bordercustody.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordChildReturned")
public class RecordChildReturnedDelegate implements JavaDelegate {

    private final CustodyEvents custodyEvents;

    public RecordChildReturnedDelegate(CustodyEvents custodyEvents) {
        this.custodyEvents = custodyEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        custodyEvents.childReturned(execution.getProcessBusinessKey());
        execution.setVariable(CustodyProcess.Variables.CUSTODY_EXIT, CustodyExit.REMOVED.name());
    }
}
