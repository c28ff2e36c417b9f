package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.DATE_OF_BIRTH;
import static org.bordercustody.custody.CustodyProcess.Variables.DATE_OF_BIRTH_ESTIMATED;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_FACTS_SOURCE;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_RELATIONSHIP_VERIFIED;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks and stores the facts an agent established, so that family status can be decided again. */
@Component("storeEstablishedFacts")
public class StoreEstablishedFactsDelegate implements JavaDelegate {

    private final Families families;

    public StoreEstablishedFactsDelegate(Families families) {
        this.families = families;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        FormAnswers.asForm(() -> families.establish(execution.getProcessBusinessKey(),
                answers.optionalDate(DATE_OF_BIRTH), answers.flag(DATE_OF_BIRTH_ESTIMATED),
                answers.flag(FAMILY_RELATIONSHIP_VERIFIED), answers.requiredText(FAMILY_FACTS_SOURCE),
                Actors.of(execution)));
    }
}
