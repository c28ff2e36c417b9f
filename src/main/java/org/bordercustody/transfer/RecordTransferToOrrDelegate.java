package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;

import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyExit;
import org.bordercustody.custody.CustodyProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordTransferToOrr")
public class RecordTransferToOrrDelegate implements JavaDelegate {

    private final CustodyEvents custodyEvents;

    public RecordTransferToOrrDelegate(CustodyEvents custodyEvents) {
        this.custodyEvents = custodyEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        custodyEvents.transferredToOrr(execution.getProcessBusinessKey(), (String) execution.getVariable(ORR_FACILITY));
        execution.setVariable(CustodyProcess.Variables.CUSTODY_EXIT, CustodyExit.TRANSFERRED_TO_ORR.name());
    }
}
