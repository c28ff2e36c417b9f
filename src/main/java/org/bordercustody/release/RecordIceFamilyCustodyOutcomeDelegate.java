package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.ICE_FAMILY_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.ICE_FAMILY_OUTCOME_REASON;

import java.util.List;
import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FamilyMessenger;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.custody.IceFamilyCustodyProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/** ICE ends a family's custody: released to the address checked and stored before, or removed. */
@Component("recordIceFamilyCustodyOutcome")
public class RecordIceFamilyCustodyOutcomeDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;
    private final FamilyMessenger familyMessenger;

    public RecordIceFamilyCustodyOutcomeDelegate(CustodyOutcomes custodyOutcomes, FamilyMessenger familyMessenger) {
        this.custodyOutcomes = custodyOutcomes;
        this.familyMessenger = familyMessenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        String caseNumber = execution.getProcessBusinessKey();
        String outcome = answers.requiredChoice(ICE_FAMILY_OUTCOME);
        String reason = answers.requiredText(ICE_FAMILY_OUTCOME_REASON);
        String actor = Actors.of(execution);
        VariableMap variables;
        List<String> family;
        if (outcome.equals("RELEASE")) {
            var released = custodyOutcomes.releaseFromIceFamilyCustody(caseNumber, reason, actor);
            variables = CarriedOutVariables.released(released);
            family = released.family();
        } else {
            family = custodyOutcomes.removeFromIceFamilyCustody(caseNumber, reason, actor);
            variables = CarriedOutVariables.removed();
        }
        familyMessenger.carryOut(execution, family, IceFamilyCustodyProcess.Messages.ICE_FAMILY_CUSTODY_ENDED, variables);
    }
}
