package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.APPROVE_PROPOSAL;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERRIDE_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERRIDE_REASON;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.custody.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the supervisor's approval or override of the proposal, for the whole family. */
@Component("recordCustodyOutcome")
public class RecordCustodyOutcomeDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;

    public RecordCustodyOutcomeDelegate(CustodyOutcomes custodyOutcomes) {
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        FormAnswers.asForm(() -> ProcessData.set(execution, CUSTODY_OUTCOME, custodyOutcomes.decide(
                execution.getProcessBusinessKey(), answers.requiredFlag(APPROVE_PROPOSAL),
                answers.optionalText(OVERRIDE_OUTCOME), answers.optionalText(OVERRIDE_REASON), Actors.of(execution))));
    }
}
