package org.bordercustody.checkin;

import org.bordercustody.custody.Encounters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The released person was apprehended again: the check-in wait (or the search for them) ends. */
@Component("recordReEncounter")
public class RecordReEncounterDelegate implements JavaDelegate {

    private final Encounters encounters;

    public RecordReEncounterDelegate(Encounters encounters) {
        this.encounters = encounters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        encounters.recordReEncountered(execution.getProcessBusinessKey());
    }
}
