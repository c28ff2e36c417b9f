package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_PLACEMENT_BY;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_PLACEMENT_TYPE;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.facility.Facilities;
import org.bordercustody.facility.Facility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ORR designated the child's placement, in the liaison's form or through the case API: the one place that records
 * it on the timeline, from which partners receive orr-placement-designated.
 */
@Component("recordOrrPlacement")
public class RecordOrrPlacementDelegate implements JavaDelegate {

    private final CustodyEvents custodyEvents;
    private final Facilities facilities;

    public RecordOrrPlacementDelegate(CustodyEvents custodyEvents, Facilities facilities) {
        this.custodyEvents = custodyEvents;
        this.facilities = facilities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable(ORR_FACILITY);
        Object by = execution.getVariable(ORR_PLACEMENT_BY);
        custodyEvents.orrPlacementDesignated(execution.getProcessBusinessKey(),
                facilities.find(code).map(Facility::shown).orElse(code),
                (String) execution.getVariable(ORR_PLACEMENT_TYPE),
                by instanceof String user ? user : Actors.of(execution));
    }
}
