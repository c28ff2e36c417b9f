package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.PLACEMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordPlacement")
public class RecordPlacementDelegate implements JavaDelegate {

    private final Families familyStatus;

    public RecordPlacementDelegate(Families familyStatus) {
        this.familyStatus = familyStatus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        familyStatus.recordPlacement(caseNumber, (String) execution.getVariable(PLACEMENT), familyStatus.gather(caseNumber));
    }
}
