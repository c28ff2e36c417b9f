package org.bordercustody.transfer;

import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyExit;
import org.bordercustody.custody.CustodyProcess;
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
