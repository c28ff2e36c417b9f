package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.APPROVE_PROPOSAL;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_SEPARATION;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERRIDE_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.OVERRIDE_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATION_NOTE;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATE_CHILD_SLOTS;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATION_REASON;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.CustodyProcess.Messages;
import org.bordercustody.custody.FamilyMessenger;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.family.FamilySeparations;
import org.bordercustody.release.CustodyOutcomes.Decided;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the supervisor's approval or override of the proposal, for the whole family; a child separated from the
 * family leaves the family's wait for the transfer to HHS ORR.
 */
@Component("recordCustodyOutcome")
public class RecordCustodyOutcomeDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;
    private final FamilyMessenger familyMessenger;

    public RecordCustodyOutcomeDelegate(CustodyOutcomes custodyOutcomes, FamilyMessenger familyMessenger) {
        this.custodyOutcomes = custodyOutcomes;
        this.familyMessenger = familyMessenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        Decided decided = FormAnswers.asForm(() -> custodyOutcomes.decide(execution.getProcessBusinessKey(),
                answers.requiredFlag(APPROVE_PROPOSAL), answers.optionalText(OVERRIDE_OUTCOME),
                answers.optionalText(OVERRIDE_REASON), new FamilySeparations.Decision(
                        answers.optionalText(FAMILY_SEPARATION), answers.optionalText(SEPARATION_REASON),
                        answers.optionalText(SEPARATION_NOTE), SEPARATE_CHILD_SLOTS.stream()
                        .map(answers::flag).toList()), Actors.of(execution)));
        ProcessData.set(execution, CUSTODY_OUTCOME, decided.outcome());
        decided.separatedChildren().forEach(child -> familyMessenger.tellWaiting(child.caseNumber(),
                Messages.FAMILY_OUTCOME_CARRIED_OUT, child.variables()));
    }
}
