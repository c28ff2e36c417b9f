package org.bordercustody.release;

import org.bordercustody.custody.IceFamilyCustodyProcess;
import org.bordercustody.custody.NextProcessOfCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** CBP transferred the family to an ICE family residential center: ICE family custody starts for this member. */
@Component("startIceFamilyCustody")
public class StartIceFamilyCustodyDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        NextProcessOfCase.start(execution, IceFamilyCustodyProcess.KEY,
                IceFamilyCustodyProcess.Messages.FAMILY_BOOKED_IN);
    }
}
