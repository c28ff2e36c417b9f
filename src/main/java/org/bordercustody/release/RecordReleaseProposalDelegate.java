package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSAL_REASON;
import static org.bordercustody.custody.CustodyProcess.Variables.PROPOSED_OUTCOME;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_PROPOSAL;

import java.util.Map;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.release.CustodyOutcomes.Proposal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shows the release eligibility decision to the supervisor and writes it to the timeline. */
@Component("recordReleaseProposal")
public class RecordReleaseProposalDelegate implements JavaDelegate {

    private final CustodyOutcomes custodyOutcomes;

    public RecordReleaseProposalDelegate(CustodyOutcomes custodyOutcomes) {
        this.custodyOutcomes = custodyOutcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(RELEASE_PROPOSAL);
        Proposal proposal = new Proposal((String) result.get("outcome"), (String) result.get("reason"));
        execution.setVariables(ProcessData.of()
                .with(PROPOSED_OUTCOME, proposal.outcome())
                .with(PROPOSAL_REASON, proposal.reason())
                .variables());
        custodyOutcomes.recordProposal(execution.getProcessBusinessKey(), proposal);
    }
}
