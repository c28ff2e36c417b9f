package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_BUILDING_TYPE;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_CITY;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_RECURRING;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_STATE;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_STREET;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_UNIT;
import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_ZIP;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTACT_PHONE;

import org.bordercustody.custody.Actors;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.custody.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refuses an incomplete or invalid address with a message naming the fault (400), and stores a valid one for
 * the family; an address already given by many released people is flagged for the supervisor.
 */
@Component("storeIntendedAddress")
public class StoreIntendedAddressDelegate implements JavaDelegate {

    private final AddressRules addressRules;
    private final CustodyOutcomes custodyOutcomes;

    public StoreIntendedAddressDelegate(AddressRules addressRules, CustodyOutcomes custodyOutcomes) {
        this.addressRules = addressRules;
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var answers = new FormAnswers(execution);
        FormAnswers.asForm(() -> {
            IntendedAddress address = addressRules.check(answers.optionalText(ADDRESS_STREET),
                    answers.optionalText(ADDRESS_UNIT), answers.optionalText(ADDRESS_BUILDING_TYPE),
                    answers.optionalText(ADDRESS_CITY), answers.optionalText(ADDRESS_STATE),
                    answers.optionalText(ADDRESS_ZIP), answers.optionalText(CONTACT_PHONE));
            ProcessData.set(execution, ADDRESS_RECURRING,
                    custodyOutcomes.recordAddress(execution.getProcessBusinessKey(), address, Actors.of(execution)));
        });
    }
}
