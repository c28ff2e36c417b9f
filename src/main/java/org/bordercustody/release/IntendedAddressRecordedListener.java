package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_BUILDING_TYPE;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_CITY;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_RECURRING;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_RELEASE_COUNT;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_STATE;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_STREET;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_UNIT;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_ZIP;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTACT_PHONE;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_ADDRESS_TEXT;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses an incomplete or invalid address with a message per fault, and stores a valid one for the family;
 * an address already given by many released people is flagged for the supervisor.
 */
@Component("intendedAddressRecorded")
public class IntendedAddressRecordedListener implements TaskListener {

    private final AddressRules addressRules;
    private final CustodyOutcomes custodyOutcomes;

    public IntendedAddressRecordedListener(AddressRules addressRules, CustodyOutcomes custodyOutcomes) {
        this.addressRules = addressRules;
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        var answers = new FormAnswers(task);
        try {
            IntendedAddress address = addressRules.check(answers.optionalText(ADDRESS_STREET),
                    answers.optionalText(ADDRESS_UNIT), answers.optionalText(ADDRESS_BUILDING_TYPE),
                    answers.optionalText(ADDRESS_CITY), answers.optionalText(ADDRESS_STATE),
                    answers.optionalText(ADDRESS_ZIP), answers.optionalText(CONTACT_PHONE));
            long released = custodyOutcomes.recordAddress(task.getExecution().getProcessBusinessKey(), address,
                    Actors.of(task));
            task.setVariable(ADDRESS_RECURRING, custodyOutcomes.isRecurring(released));
            task.setVariable(ADDRESS_RELEASE_COUNT, released);
            task.setVariable(RELEASE_ADDRESS_TEXT, address.text());
            task.setVariable(CONTACT_PHONE, address.contactPhone());
        } catch (InvalidRequestException e) {
            throw FormAnswers.refused(e.field(), e.reason());
        }
    }
}
