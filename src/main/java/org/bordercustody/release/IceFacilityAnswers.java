package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Elements.TASK_ACCEPT_ICE_TRANSFER;
import static org.bordercustody.custody.CustodyProcess.Elements.TASK_PREPARE_ICE_TRANSFER;
import static org.bordercustody.custody.CustodyProcess.Variables.ICE_FACILITY;

import java.util.Set;
import java.util.function.Function;
import org.bordercustody.custody.CaseAnswerRules;
import org.springframework.stereotype.Component;

/**
 * The ICE facility of the agent's hand-over and of the officer's acceptance must be one that may hold everyone handed
 * over: {@link CustodyOutcomes#iceFacilityFor}, the check ICE's book-in through the API makes too.
 */
@Component
class IceFacilityAnswers implements CaseAnswerRules {

    private final CustodyOutcomes custodyOutcomes;

    IceFacilityAnswers(CustodyOutcomes custodyOutcomes) {
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(TASK_PREPARE_ICE_TRANSFER, TASK_ACCEPT_ICE_TRANSFER);
    }

    @Override
    public void check(String caseNumber, Function<String, Object> answers) {
        Object facility = answers.apply(ICE_FACILITY);
        custodyOutcomes.iceFacilityFor(caseNumber, facility instanceof String code ? code : null, ICE_FACILITY);
    }
}
