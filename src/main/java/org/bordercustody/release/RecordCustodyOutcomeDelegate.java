package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.APPROVE_PROPOSAL;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERRIDE_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERRIDE_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSAL_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSED_OUTCOME;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.release.CustodyOutcomes.Proposal;
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
        var proposal = new Proposal((String) execution.getVariable(PROPOSED_OUTCOME),
                (String) execution.getVariable(PROPOSAL_REASON));
        FormAnswers.asForm(() -> ProcessData.set(execution, CUSTODY_OUTCOME, custodyOutcomes.decide(
                execution.getProcessBusinessKey(), proposal, answers.requiredFlag(APPROVE_PROPOSAL),
                answers.optionalText(OVERRIDE_OUTCOME), answers.optionalText(OVERRIDE_REASON), Actors.of(execution))));
    }
}
