package org.bordercustody.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs in a job of its own after the release: a failure is retried (R3/PT5M in the model) and then becomes
 * an incident in Cockpit, while the check-in watch goes on.
 */
@Component("notifyIceOfRelease")
public class NotifyIceOfReleaseDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;

    public NotifyIceOfReleaseDelegate(CustodyOutcomes custodyOutcomes) {
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        custodyOutcomes.notifyIceOfRelease(execution.getProcessBusinessKey());
    }
}
