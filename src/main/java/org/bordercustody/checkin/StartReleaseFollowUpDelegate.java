package org.bordercustody.checkin;

import org.bordercustody.custody.ReleaseFollowUpProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The person was released: the custody process ends and ICE's release follow-up starts, in the same transaction,
 * with the case number as business key and the case's process data; not a second time for a case that has one
 * running (a job retried, a migration run twice).
 */
@Component("startReleaseFollowUp")
public class StartReleaseFollowUpDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber).count() > 0) {
            return;
        }
        runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.PERSON_RELEASED)
                .processInstanceBusinessKey(caseNumber)
                .setVariables(execution.getVariables())
                .correlateStartMessage();
    }
}
