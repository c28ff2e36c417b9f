package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.APPREHENDED_AT_ISO;
import static org.bordercustody.custody.CustodyProcess.Variables.CASE_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_DUE_BY_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTIGUOUS_COUNTRY_NATIONAL;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.PERSON_NAME;
import static org.bordercustody.custody.CustodyProcess.Variables.PLACEMENT;

import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person and the CBP clock at the top of every form; the check-in date once released. */
@Component
@Order(0)
class CaseShownOnForms implements ShownOnForms {

    private final CustodyCaseRepository cases;

    CaseShownOnForms(CustodyCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void addTo(CustodyCase custodyCase, Map<String, Object> shown) {
        shown.put(CASE_NUMBER, custodyCase.caseNumber());
        shown.put(PERSON_NAME, custodyCase.displayName());
        shown.put(APPREHENDED_AT_ISO, custodyCase.apprehendedAt().toString());
        shown.put(CUSTODY_DEADLINE_TEXT, CustodyProcessStarter.shown(custodyCase.custodyDeadline()));
        if (custodyCase.placement() != null) {
            shown.put(PLACEMENT, custodyCase.placement());
        }
        shown.put(CONTIGUOUS_COUNTRY_NATIONAL, CustodyProcessStarter.isContiguousCountryNational(custodyCase));
        cases.checkInDueBy(custodyCase.caseNumber())
                .ifPresent(due -> shown.put(CHECK_IN_DUE_BY_TEXT, CustodyProcessStarter.shown(due)));
    }
}
