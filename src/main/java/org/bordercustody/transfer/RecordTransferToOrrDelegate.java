package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;

import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyExit;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.facility.Facilities;
import org.bordercustody.facility.Facility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordTransferToOrr")
public class RecordTransferToOrrDelegate implements JavaDelegate {

    private final CustodyEvents custodyEvents;
    private final Facilities facilities;

    public RecordTransferToOrrDelegate(CustodyEvents custodyEvents, Facilities facilities) {
        this.custodyEvents = custodyEvents;
        this.facilities = facilities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable(ORR_FACILITY);
        // A case designated before the reference list carries the provider's name as typed: kept as it is.
        var facility = facilities.find(code);
        custodyEvents.transferredToOrr(execution.getProcessBusinessKey(), facility.map(Facility::code).orElse(null),
                facility.map(Facility::shown).orElse(code));
        execution.setVariable(CustodyProcess.Variables.CUSTODY_EXIT, CustodyExit.TRANSFERRED_TO_ORR.name());
    }
}
