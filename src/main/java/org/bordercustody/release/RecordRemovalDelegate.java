package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.DEPARTURE_PORT;

import java.util.List;
import org.bordercustody.custody.Actors;
import org.bordercustody.custody.CustodyProcess.Messages;
import org.bordercustody.custody.FamilyMessenger;
import org.bordercustody.custody.FormAnswers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The person, and the family with them, was removed or returned: the case ends REMOVED. */
@Component("recordRemoval")
public class RecordRemovalDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;
    private final FamilyMessenger familyMessenger;

    public RecordRemovalDelegate(CustodyOutcomes custodyOutcomes, FamilyMessenger familyMessenger) {
        this.custodyOutcomes = custodyOutcomes;
        this.familyMessenger = familyMessenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        List<String> family = custodyOutcomes.remove(caseNumber,
                new FormAnswers(execution).requiredText(DEPARTURE_PORT), Actors.of(execution));
        var variables = CarriedOutVariables.removed();
        familyMessenger.carryOut(execution, family, Messages.FAMILY_OUTCOME_CARRIED_OUT, variables);
    }
}
