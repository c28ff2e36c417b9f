package org.bordercustody.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who caused a service task to run: the user whose task completion or API call led to it, else the system. */
public final class ProcessActors {

    private ProcessActors() {
    }

    public static String of(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null || user.getUserId() == null ? Timeline.SYSTEM_ACTOR : user.getUserId();
    }
}
