package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_PLACEMENT_TYPE;

import org.bordercustody.custody.Cases;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.PartnerRequestIds;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.system.ConflictException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrrPlacements {

    private final CustodyCaseRepository cases;
    private final CustodyEvents custodyEvents;
    private final RuntimeService runtimeService;
    private final PartnerRequestIds requestIds;

    OrrPlacements(CustodyCaseRepository cases, CustodyEvents custodyEvents, RuntimeService runtimeService,
            PartnerRequestIds requestIds) {
        this.cases = cases;
        this.requestIds = requestIds;
        this.custodyEvents = custodyEvents;
        this.runtimeService = runtimeService;
    }

    /**
     * Correlates the placement to the case's waiting task; a case not waiting for one gets a conflict, and of two
     * designations at the same moment one is recorded and the other gets a conflict. ORR's system may give its own
     * id of the placement: the same id again is the same designation, recorded once (answered false).
     */
    @Transactional
    public boolean designate(String caseNumber, String facility, String placementType, String placementId,
            String actor) {
        cases.lock(Cases.checked(caseNumber));
        if (requestIds.alreadyRecorded(PartnerRequestIds.ORR_PLACEMENT, placementId, caseNumber)) {
            return false;
        }
        var waiting = runtimeService.createEventSubscriptionQuery()
                .eventName(CustodyProcess.Messages.ORR_PLACEMENT_DESIGNATED)
                .processInstanceId(processInstanceId(caseNumber))
                .count() > 0;
        if (!waiting) {
            throw new ConflictException("case " + caseNumber + " is not waiting for an ORR placement");
        }
        custodyEvents.orrPlacementDesignated(caseNumber, facility, placementType, actor);
        try {
            runtimeService.createMessageCorrelation(CustodyProcess.Messages.ORR_PLACEMENT_DESIGNATED)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(ProcessData.of()
                            .with(ORR_FACILITY, facility)
                            .with(ORR_PLACEMENT_TYPE, placementType)
                            .variables())
                    .correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            throw new ConflictException("case " + caseNumber + " is no longer waiting for an ORR placement: another"
                    + " designation was recorded at the same moment");
        }
        requestIds.record(PartnerRequestIds.ORR_PLACEMENT, placementId, caseNumber);
        return true;
    }

    private String processInstanceId(String caseNumber) {
        var instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, CustodyProcess.KEY)
                .singleResult();
        if (instance == null) {
            throw new ConflictException("case " + caseNumber + " has no running custody process");
        }
        return instance.getId();
    }
}
