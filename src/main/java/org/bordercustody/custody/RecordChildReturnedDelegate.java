package org.bordercustody.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordChildReturned")
class RecordChildReturnedDelegate implements JavaDelegate {

    private final CustodyEvents custodyEvents;

    RecordChildReturnedDelegate(CustodyEvents custodyEvents) {
        this.custodyEvents = custodyEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        custodyEvents.childReturned(execution.getProcessBusinessKey());
    }
}
