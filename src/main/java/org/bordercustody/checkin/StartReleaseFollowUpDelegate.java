package org.bordercustody.checkin;

import org.bordercustody.custody.NextProcessOfCase;
import org.bordercustody.custody.ReleaseFollowUpProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The person was released (by CBP or from ICE family custody): ICE's release follow-up starts. */
@Component("startReleaseFollowUp")
public class StartReleaseFollowUpDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        NextProcessOfCase.start(execution, ReleaseFollowUpProcess.KEY, ReleaseFollowUpProcess.Messages.PERSON_RELEASED);
    }
}
