package org.bordercustody.transfer;

import static org.bordercustody.custody.CustodyProcess.Variables.ORR_FACILITY;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_PLACEMENT_TYPE;

import java.time.Clock;
import org.bordercustody.custody.Cases;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.OrrTransferProcess;
import org.bordercustody.custody.PartnerRequestIds;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.facility.Agency;
import org.bordercustody.facility.Facilities;
import org.bordercustody.facility.Facility;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrrPlacements {

    private final CustodyCaseRepository cases;
    private final RuntimeService runtimeService;
    private final PartnerRequestIds requestIds;
    private final Facilities facilities;
    private final Clock clock;

    OrrPlacements(CustodyCaseRepository cases, RuntimeService runtimeService,
            PartnerRequestIds requestIds, Facilities facilities, Clock clock) {
        this.facilities = facilities;
        this.clock = clock;
        this.cases = cases;
        this.requestIds = requestIds;
        this.runtimeService = runtimeService;
    }

    /**
     * The ORR care provider of the code, when it may hold this child (its ages and sexes): otherwise refused naming
     * the field. The one check of a placement, from ORR's system or the liaison's form.
     */
    public Facility orrFacilityFor(String caseNumber, String code, String field) {
        Facility facility = facilities.ofAgency(code, Agency.ORR, field);
        CustodyCase child = cases.get(caseNumber);
        Integer age = child.ageAt(clock.instant());
        facility.refusal(child.sex(), age).ifPresent(why -> {
            throw new InvalidRequestException(field, why + ": " + child.displayName() + " (case " + caseNumber
                    + (age == null ? "" : ", age " + age) + ") cannot be placed there");
        });
        return facility;
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
                .eventName(OrrTransferProcess.Messages.ORR_PLACEMENT_DESIGNATED)
                .processInstanceId(processInstanceId(caseNumber))
                .count() > 0;
        if (!waiting) {
            throw new ConflictException("case " + caseNumber + " is not waiting for an ORR placement");
        }
        Facility careProvider = orrFacilityFor(caseNumber, facility, "facility");
        try {
            runtimeService.createMessageCorrelation(OrrTransferProcess.Messages.ORR_PLACEMENT_DESIGNATED)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(ProcessData.of()
                            .with(ORR_FACILITY, careProvider.code())
                            .with(ORR_PLACEMENT_TYPE, placementType)
                            .with(CustodyProcess.Variables.ORR_PLACEMENT_BY, actor)
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
                .processInstanceBusinessKey(caseNumber, OrrTransferProcess.KEY)
                .singleResult();
        if (instance == null) {
            throw new ConflictException("case " + caseNumber + " is not waiting for an ORR placement");
        }
        return instance.getId();
    }
}
