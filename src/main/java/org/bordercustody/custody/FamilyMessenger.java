package org.bordercustody.custody;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Tells the processes of the other members of a family that the lead's decision for them was carried out. */
@Component
public class FamilyMessenger {

    private final RuntimeService runtimeService;

    public FamilyMessenger(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Gives the lead's process the variables of the carried-out decision and tells every other member's process,
     * with the same variables.
     */
    public void carryOut(DelegateExecution lead, List<String> family, String message, Map<String, Object> variables) {
        lead.setVariables(variables);
        tellOthers(lead.getProcessBusinessKey(), family, message, variables);
    }

    /** Tells every other member's process that something the family waits for happened. */
    public void tellOthers(String caseNumber, List<String> family, String message) {
        tellOthers(caseNumber, family, message, Map.of());
    }

    /**
     * Tells one member's process, which must be waiting for the message: the change that sends it is refused
     * otherwise, so that no member is left waiting for what already happened.
     */
    public void tellWaiting(String caseNumber, String message, Map<String, Object> variables) {
        if (runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber)
                .setVariables(variables).correlateAllWithResult().isEmpty()) {
            throw new IllegalStateException("case " + caseNumber + " is not waiting for " + message);
        }
    }

    private void tellOthers(String leadCaseNumber, List<String> family, String message, Map<String, Object> variables) {
        family.stream()
                .filter(member -> !member.equals(leadCaseNumber))
                .forEach(member -> runtimeService.createMessageCorrelation(message)
                        .processInstanceBusinessKey(member)
                        .setVariables(variables)
                        .correlateAll());
    }
}
