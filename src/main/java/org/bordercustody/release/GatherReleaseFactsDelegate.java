package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.DETENTION_BEDS_AVAILABLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds to the recorded facts what the release decision also needs: whether ICE has detention beds. */
@Component("gatherReleaseFacts")
public class GatherReleaseFactsDelegate implements JavaDelegate {

    private final ReleasePolicy policy;

    public GatherReleaseFactsDelegate(ReleasePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DETENTION_BEDS_AVAILABLE, policy.iceDetentionBedsAvailable());
    }
}
