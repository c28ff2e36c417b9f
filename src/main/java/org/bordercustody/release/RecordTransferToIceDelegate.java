package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.ICE_BOOK_IN_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.ICE_FACILITY;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.CustodyProcess.Messages;
import org.bordercustody.custody.FamilyMessenger;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.release.CustodyOutcomes.BookedIn;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ICE accepted the person: CBP custody ends. A family goes to ICE family custody together, where the
 * children's Flores clock starts.
 */
@Component("recordTransferToIce")
public class RecordTransferToIceDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;
    private final FamilyMessenger familyMessenger;

    public RecordTransferToIceDelegate(CustodyOutcomes custodyOutcomes, FamilyMessenger familyMessenger) {
        this.custodyOutcomes = custodyOutcomes;
        this.familyMessenger = familyMessenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        String caseNumber = execution.getProcessBusinessKey();
        BookedIn bookedIn = FormAnswers.asForm(() -> custodyOutcomes.transferToIce(caseNumber,
                answers.requiredText(ICE_FACILITY), answers.requiredText(ICE_BOOK_IN_NUMBER), Actors.of(execution)));
        var variables = CarriedOutVariables.transferred(bookedIn);
        familyMessenger.carryOut(execution, bookedIn.family(), Messages.FAMILY_OUTCOME_CARRIED_OUT, variables);
    }
}
