package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.DOCUMENTS_DIFFER_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_MEMBER_DOCUMENT_NUMBERS;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_DOCUMENTS;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_DOCUMENT_NUMBER;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.CustodyProcess.Messages;
import org.bordercustody.custody.FamilyMessenger;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.release.CustodyOutcomes.Released;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Releases the person, and the family with them, and starts the 60-day check-in clock. */
@Component("recordRelease")
public class RecordReleaseDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;
    private final FamilyMessenger familyMessenger;

    public RecordReleaseDelegate(CustodyOutcomes custodyOutcomes, FamilyMessenger familyMessenger) {
        this.custodyOutcomes = custodyOutcomes;
        this.familyMessenger = familyMessenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        String caseNumber = execution.getProcessBusinessKey();
        Released released = FormAnswers.asForm(() -> custodyOutcomes.release(caseNumber,
                answers.requiredChoice(RELEASE_DOCUMENTS), answers.requiredText(RELEASE_DOCUMENT_NUMBER),
                FAMILY_MEMBER_DOCUMENT_NUMBERS.stream().map(answers::optionalText).toList(),
                answers.optionalText(DOCUMENTS_DIFFER_REASON), Actors.of(execution)));
        var variables = CarriedOutVariables.released(released);
        familyMessenger.carryOut(execution, released.family(), Messages.FAMILY_OUTCOME_CARRIED_OUT, variables);
    }
}
