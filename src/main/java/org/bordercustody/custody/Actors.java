package org.bordercustody.custody;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who did a step: the user authenticated in Tasklist or the REST API whose task completion or call led to it;
 * the caller of the case API whose use case completed the task ({@link #actingAs}); for a task without one, its
 * assignee; otherwise the system.
 */
public final class Actors {

    private static final ThreadLocal<String> CASE_API_CALLER = new ThreadLocal<>();

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
        if (user != null) {
            return user;
        }
        return CASE_API_CALLER.get() != null ? CASE_API_CALLER.get() : Timeline.SYSTEM_ACTOR;
    }

    /**
     * Runs a case API use case's call into the engine (a task it completes for its caller) so that what the process
     * records in that call names the caller, as it names the user who completes the task in Tasklist.
     */
    public static void actingAs(String caller, Runnable engineCall) {
        String outer = CASE_API_CALLER.get();
        CASE_API_CALLER.set(caller);
        try {
            engineCall.run();
        } finally {
            if (outer == null) {
                CASE_API_CALLER.remove();
            } else {
                CASE_API_CALLER.set(outer);
            }
        }
    }

    private static String authenticatedUser(ProcessEngineServices engine) {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
