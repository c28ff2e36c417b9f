package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.ADULTS_RECORDS_CHECK;
import static org.bordercustody.custody.CustodyProcess.Variables.AGE_AT_APPREHENSION;
import static org.bordercustody.custody.CustodyProcess.Variables.CARES_FOR_ACCOMPANIED_CHILD;
import static org.bordercustody.custody.CustodyProcess.Variables.COMPANION_RELATIONSHIP;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_DECISION_LEAD;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_INTAKE_COMPLETE;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_MEDICALLY_VULNERABLE;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_RELATIONSHIP_VERIFIED;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_SIZE;
import static org.bordercustody.custody.CustodyProcess.Variables.TENDER_AGE_THRESHOLD;
import static org.bordercustody.custody.CustodyProcess.Variables.YOUNGEST_CHILD_AGE;

import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.FamilyMessenger;
import org.bordercustody.custody.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the family facts into the process for the decisions. When this person's intake completes the family's,
 * members waiting for it are woken so that the whole family is decided on the same facts.
 */
@Component("gatherFamilyFacts")
public class GatherFamilyFactsDelegate implements JavaDelegate {

    private final Families families;
    private final FamilyMessenger familyMessenger;
    private final CustodyClocks clocks;

    public GatherFamilyFactsDelegate(Families families, FamilyMessenger familyMessenger, CustodyClocks clocks) {
        this.families = families;
        this.familyMessenger = familyMessenger;
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        FamilyFacts facts = families.gather(caseNumber);
        execution.setVariables(ProcessData.of()
                .with(AGE_AT_APPREHENSION, facts.ageAtApprehension())
                .with(COMPANION_RELATIONSHIP, facts.companionRelationship())
                .with(CARES_FOR_ACCOMPANIED_CHILD, facts.caresForAccompaniedChild())
                .with(FAMILY_RELATIONSHIP_VERIFIED, facts.familyRelationshipVerified())
                .with(FAMILY_SIZE, facts.familySize())
                .with(YOUNGEST_CHILD_AGE, facts.youngestChildAge())
                .with(TENDER_AGE_THRESHOLD, clocks.tenderAgeThreshold())
                .with(FAMILY_MEDICALLY_VULNERABLE, facts.familyMedicallyVulnerable())
                .with(ADULTS_RECORDS_CHECK, facts.adultsRecordsCheck())
                .with(FAMILY_INTAKE_COMPLETE, facts.familyIntakeComplete())
                .with(FAMILY_DECISION_LEAD, facts.isDecisionLead(caseNumber))
                .variables());
        if (facts.familyIntakeComplete()) {
            familyMessenger.tellOthers(caseNumber, facts.familyCaseNumbers(), CustodyProcess.Messages.FAMILY_INTAKE_COMPLETED);
        }
    }
}
