package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.PLACEMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordPlacement")
public class RecordPlacementDelegate implements JavaDelegate {

    private final Families families;

    public RecordPlacementDelegate(Families families) {
        this.families = families;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        families.recordPlacement(caseNumber, (String) execution.getVariable(PLACEMENT));
    }
}
