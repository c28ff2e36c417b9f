package org.bordercustody.custody;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who did a step: the user authenticated in Tasklist or the REST API whose task completion or call led to it;
 * for a task without one, its assignee; otherwise the system.
 */
public final class Actors {

    private Actors() {
    }

    public static String of(DelegateTask task) {
        String user = authenticatedUser(task.getProcessEngineServices());
        if (user != null) {
            return user;
        }
        return task.getAssignee() != null ? task.getAssignee() : Timeline.SYSTEM_ACTOR;
    }

    public static String of(DelegateExecution execution) {
        String user = authenticatedUser(execution.getProcessEngineServices());
        return user != null ? user : Timeline.SYSTEM_ACTOR;
    }

    private static String authenticatedUser(ProcessEngineServices engine) {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
