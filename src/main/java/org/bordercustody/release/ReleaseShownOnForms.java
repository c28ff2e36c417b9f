package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_RELEASE_COUNT;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTACT_PHONE;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSAL_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSED_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_ADDRESS_TEXT;

import java.util.Map;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.ShownOnForms;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The intended address on the review, documents and locate forms; the Flores limit on ICE's family forms. */
@Component
@Order(1)
class ReleaseShownOnForms implements ShownOnForms {

    private final CustodyOutcomes custodyOutcomes;
    private final CustodyCaseRepository cases;

    ReleaseShownOnForms(CustodyOutcomes custodyOutcomes, CustodyCaseRepository cases) {
        this.custodyOutcomes = custodyOutcomes;
        this.cases = cases;
    }

    @Override
    public void addTo(CustodyCase custodyCase, Map<String, Object> processData, Map<String, Object> shown) {
        cases.proposal(custodyCase.caseNumber()).ifPresent(proposal -> {
            shown.put(PROPOSED_OUTCOME, proposal.outcome());
            shown.put(PROPOSAL_REASON, proposal.reason());
        });
        cases.outcome(custodyCase.caseNumber()).ifPresent(outcome -> shown.put(CUSTODY_OUTCOME, outcome));
        custodyOutcomes.recordedAddress(custodyCase.caseNumber()).ifPresent(recorded -> {
            shown.put(RELEASE_ADDRESS_TEXT, recorded.address().text());
            shown.put(ADDRESS_RELEASE_COUNT, recorded.othersReleasedToIt());
            if (recorded.address().contactPhone() != null) {
                shown.put(CONTACT_PHONE, recorded.address().contactPhone());
            }
        });
        custodyOutcomes.floresDeadline(custodyCase.caseNumber())
                .ifPresent(deadline -> shown.put(FLORES_DEADLINE_TEXT, CustodyProcessStarter.shown(deadline)));
    }
}
