package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_PLACEMENT_TYPE;

import org.bordercustody.custody.Cases;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyEvents;
import org.bordercustody.custody.CustodyProcess;
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

    OrrPlacements(CustodyCaseRepository cases, CustodyEvents custodyEvents, RuntimeService runtimeService) {
        this.cases = cases;
        this.custodyEvents = custodyEvents;
        this.runtimeService = runtimeService;
    }

    /**
     * Correlates the placement to the case's waiting task; a case not waiting for one gets a conflict, and of two
     * designations at the same moment one is recorded and the other gets a conflict.
     */
    @Transactional
    public void designate(String caseNumber, String facility, String placementType, String actor) {
        cases.lock(Cases.checked(caseNumber));
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
