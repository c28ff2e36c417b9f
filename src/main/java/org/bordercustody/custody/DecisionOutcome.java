package org.bordercustody.custody;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Hands a business rule task's decision to the steps after it as the process declares it ({@link ProcessData}):
 * called by the task's end listener, where the engine leaves the decision result for the moment the task ends.
 * Without it the engine would keep every decision result as a variable for the life of the case.
 */
@Component("decisionOutcome")
public class DecisionOutcome {

    static final String DECISION_RESULT = "decisionResult";

    /** The single output of the single matching rule (or none) as the variable {@code name}. */
    public void keepEntry(DelegateExecution execution, String name) {
        ProcessData.set(execution, name, resultOf(execution).getSingleEntry());
    }

    /** The outputs of the single matching rule, by output name, as the variable {@code name}. */
    public void keepResult(DelegateExecution execution, String name) {
        var result = resultOf(execution).getSingleResult();
        ProcessData.set(execution, name, result == null ? null : result.getEntryMap());
    }

    private static DmnDecisionResult resultOf(DelegateExecution execution) {
        Object result = execution.getVariableLocal(DECISION_RESULT);
        if (!(result instanceof DmnDecisionResult decisionResult)) {
            throw new IllegalStateException("No decision result at " + execution.getCurrentActivityId());
        }
        return decisionResult;
    }
}
