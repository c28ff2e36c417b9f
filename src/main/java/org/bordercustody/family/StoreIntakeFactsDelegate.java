package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.A_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.BIOMETRICS_STATUS;
import static org.bordercustody.custody.CustodyProcess.Variables.DOCUMENT_COUNTRY;
import static org.bordercustody.custody.CustodyProcess.Variables.DOCUMENT_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.DOCUMENT_TYPE;
import static org.bordercustody.custody.CustodyProcess.Variables.FIN;
import static org.bordercustody.custody.CustodyProcess.Variables.SAME_PERSON_AS_EARLIER;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_RELATIONSHIP_VERIFIED;
import static org.bordercustody.custody.CustodyProcess.Variables.FLIGHT_RISK;
import static org.bordercustody.custody.CustodyProcess.Variables.MEDICAL_SCREENING;
import static org.bordercustody.custody.CustodyProcess.Variables.PROCESSING_PATHWAY;
import static org.bordercustody.custody.CustodyProcess.Variables.RECORDS_CHECK_RESULT;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks what intake recorded and stores it in the case; a missing answer refuses the intake (400). */
@Component("storeIntakeFacts")
public class StoreIntakeFactsDelegate implements JavaDelegate {

    private final Families families;

    public StoreIntakeFactsDelegate(Families families) {
        this.families = families;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var variables = new FormAnswers(execution);
        var facts = new Families.IntakeFacts(
                variables.requiredChoice(BIOMETRICS_STATUS),
                variables.requiredChoice(RECORDS_CHECK_RESULT),
                variables.requiredChoice(MEDICAL_SCREENING),
                variables.optionalChoice(PROCESSING_PATHWAY),
                variables.optionalChoice(FLIGHT_RISK),
                variables.flag(FAMILY_RELATIONSHIP_VERIFIED),
                variables.optionalChoice(SAME_PERSON_AS_EARLIER),
                variables.optionalText(A_NUMBER), variables.optionalText(FIN),
                variables.optionalChoice(DOCUMENT_TYPE), variables.optionalText(DOCUMENT_NUMBER),
                variables.optionalChoice(DOCUMENT_COUNTRY));
        FormAnswers.asForm(() -> families.recordIntake(execution.getProcessBusinessKey(), facts, Actors.of(execution)));
    }
}
