package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;
import static org.bordercustody.custody.OrrTransferProcess.Elements.TASK_DESIGNATE_ORR_PLACEMENT;

import java.util.Set;
import java.util.function.Function;
import org.bordercustody.custody.CaseAnswerRules;
import org.springframework.stereotype.Component;

/** The liaison's placement names an ORR care provider that may hold the child: {@link OrrPlacements#orrFacilityFor}. */
@Component
class OrrFacilityAnswers implements CaseAnswerRules {

    private final OrrPlacements orrPlacements;

    OrrFacilityAnswers(OrrPlacements orrPlacements) {
        this.orrPlacements = orrPlacements;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(TASK_DESIGNATE_ORR_PLACEMENT);
    }

    @Override
    public void check(String caseNumber, Function<String, Object> answers) {
        Object facility = answers.apply(ORR_FACILITY);
        orrPlacements.orrFacilityFor(caseNumber, facility instanceof String code ? code : null, ORR_FACILITY);
    }
}
