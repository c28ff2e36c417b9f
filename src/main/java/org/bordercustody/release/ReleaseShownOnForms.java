package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.ADDRESS_RELEASE_COUNT;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTACT_PHONE;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_CHILDREN;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_CHILDREN_SLOTS;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_MEMBERS;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSAL_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSED_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_ADDRESS_TEXT;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.ShownOnForms;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The proposal, the approved outcome and the intended address on the forms that decide and carry out a release. */
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
        Optional<String> outcome = cases.outcome(custodyCase.caseNumber());
        outcome.ifPresent(approved -> shown.put(CUSTODY_OUTCOME, approved));
        // The approval of a family's outcome asks whether its children stay with the adults.
        if (outcome.isEmpty() && cases.proposal(custodyCase.caseNumber()).isPresent()) {
            List<String> children = custodyOutcomes.separableChildrenOf(custodyCase.caseNumber());
            if (!children.isEmpty()) {
                shown.put(FAMILY_CHILDREN, String.join("; ", children));
                for (int i = 0; i < Math.min(children.size(), FAMILY_CHILDREN_SLOTS.size()); i++) {
                    shown.put(FAMILY_CHILDREN_SLOTS.get(i), children.get(i));
                }
            }
        }
        // The family's own document numbers: asked once a release is approved, on the documents form that follows.
        if (custodyCase.classification() == Classification.FAMILY_UNIT_MEMBER
                && outcome.filter(approved -> approved.startsWith("RELEASE_")).isPresent()) {
            List<String> others = custodyOutcomes.othersReleasedWith(custodyCase.caseNumber());
            for (int i = 0; i < Math.min(others.size(), FAMILY_MEMBERS.size()); i++) {
                shown.put(FAMILY_MEMBERS.get(i), others.get(i));
            }
        }
        custodyOutcomes.recordedAddress(custodyCase.caseNumber()).ifPresent(recorded -> {
            shown.put(RELEASE_ADDRESS_TEXT, recorded.address().text());
            shown.put(ADDRESS_RELEASE_COUNT, recorded.othersReleasedToIt());
            if (recorded.address().contactPhone() != null) {
                shown.put(CONTACT_PHONE, recorded.address().contactPhone());
            }
        });
    }
}
