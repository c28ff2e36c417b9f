package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DECISION;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DECISION_REASON;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Records the supervisor's release-or-transfer decision, refusing one without a decision or a reason. */
@Component("recordCustodyDecision")
public class RecordCustodyDecisionDelegate implements JavaDelegate {

    static final java.util.List<String> DECISIONS = java.util.List.of("RELEASE", "TRANSFER_TO_ICE", "REMOVAL");

    private final CustodyEvents custodyEvents;

    public RecordCustodyDecisionDelegate(CustodyEvents custodyEvents) {
        this.custodyEvents = custodyEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decision = execution.getVariable(CUSTODY_DECISION);
        Object reason = execution.getVariable(CUSTODY_DECISION_REASON);
        if (!DECISIONS.contains(decision)) {
            throw new BadUserRequestException(CUSTODY_DECISION + ": must be one of " + String.join(", ", DECISIONS));
        }
        if (!(reason instanceof String text) || text.isBlank()) {
            throw new BadUserRequestException(CUSTODY_DECISION_REASON + ": is required");
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        custodyEvents.recordCustodyDecision(execution.getProcessBusinessKey(), (String) decision, text.strip(),
                user == null ? Timeline.SYSTEM_ACTOR : user.getUserId());
    }
}
