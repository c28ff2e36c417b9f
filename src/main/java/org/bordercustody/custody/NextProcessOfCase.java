package org.bordercustody.custody;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Hands a case from one of its processes to the next (CBP custody to ICE family custody or to the release follow-up,
 * ICE family custody to the release follow-up): the next process starts by its message, in the transaction of the
 * step that ends the first, with the case number as business key and the case's process data; not a second time for
 * a case that has one running (a job retried, a migration run twice).
 */
public final class NextProcessOfCase {

    private NextProcessOfCase() {
    }

    public static void start(DelegateExecution execution, String processKey, String startMessage) {
        String caseNumber = execution.getProcessBusinessKey();
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(caseNumber).count() > 0) {
            return;
        }
        runtimeService.createMessageCorrelation(startMessage)
                .processInstanceBusinessKey(caseNumber)
                .setVariables(execution.getVariables())
                .correlateStartMessage();
    }
}
