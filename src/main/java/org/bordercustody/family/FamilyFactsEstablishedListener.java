package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.DATE_OF_BIRTH;
import static org.bordercustody.custody.CustodyProcess.Variables.DATE_OF_BIRTH_ESTIMATED;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_FACTS_SOURCE;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_RELATIONSHIP_VERIFIED;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Stores the facts an agent established so that family status can be decided again. */
@Component("familyFactsEstablished")
public class FamilyFactsEstablishedListener implements TaskListener {

    private final FamilyStatus familyStatus;

    public FamilyFactsEstablishedListener(FamilyStatus familyStatus) {
        this.familyStatus = familyStatus;
    }

    @Override
    public void notify(DelegateTask task) {
        var variables = new FormAnswers(task);
        try {
            familyStatus.establish(task.getExecution().getProcessBusinessKey(),
                    variables.requiredDate(DATE_OF_BIRTH),
                    variables.flag(DATE_OF_BIRTH_ESTIMATED),
                    variables.flag(FAMILY_RELATIONSHIP_VERIFIED),
                    variables.requiredText(FAMILY_FACTS_SOURCE),
                    Actors.of(task));
        } catch (InvalidRequestException e) {
            throw FormAnswers.refused(e.field(), e.reason());
        }
    }
}
