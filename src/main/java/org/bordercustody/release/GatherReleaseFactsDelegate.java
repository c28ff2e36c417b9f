package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.DETENTION_BEDS_AVAILABLE;
import static org.bordercustody.custody.CustodyProcess.Variables.FLIGHT_RISK;
import static org.bordercustody.custody.CustodyProcess.Variables.MISSED_EARLIER_CHECK_IN;
import static org.bordercustody.custody.CustodyProcess.Variables.PROCESSING_PATHWAY;

import org.bordercustody.custody.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The facts the release decision reads besides the family's: what intake found about the person (from the case,
 * as intake may have been days and other family members ago) and whether ICE has detention beds.
 */
@Component("gatherReleaseFacts")
public class GatherReleaseFactsDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;

    public GatherReleaseFactsDelegate(CustodyOutcomes custodyOutcomes) {
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var facts = custodyOutcomes.releaseFactsOf(execution.getProcessBusinessKey());
        execution.setVariables(ProcessData.of()
                .with(PROCESSING_PATHWAY, facts.processingPathway())
                .with(FLIGHT_RISK, facts.flightRisk())
                .with(DETENTION_BEDS_AVAILABLE, facts.detentionBedsAvailable())
                .with(MISSED_EARLIER_CHECK_IN, facts.missedEarlierCheckIn())
                .variables());
    }
}
