package org.bordercustody.access;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every engine command a signed-in user starts passes here before its transaction opens: administrators pass,
 * everyone else only with a command their groups' operations name ({@link EngineAccessPolicy}), and task work
 * with its rules ({@link TaskWorkRules}). Commands the engine runs inside another command, for the job executor
 * or for the application's own use cases (no signed-in user) are not the caller's and pass. Every completion,
 * whoever makes it, has its answers held to the task's form. A signed-in user's read of a task's variables is
 * logged once it succeeded ({@link TaskReads}); if the entry cannot be written, the read fails.
 */
final class EngineAccessInterceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(EngineAccessInterceptor.class);

    private final ProcessEngineConfigurationImpl engine;
    private final TaskWorkRules taskWork;
    private final TaskReads taskReads;

    EngineAccessInterceptor(ProcessEngineConfigurationImpl engine, TaskWorkRules taskWork, TaskReads taskReads) {
        this.engine = engine;
        this.taskWork = taskWork;
        this.taskReads = taskReads;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        if (caller == null) {
            return next.execute(taskWork.answersChecked(command));
        }
        if (isAdministrator(caller)) {
            return read(command, next.execute(taskWork.answersChecked(command)), caller);
        }
        if (!EngineAccessPolicy.permits(EngineAccessPolicy.operationsOf(caller.getGroupIds()), command)) {
            LOG.info("Refused the engine command {} to user {}", command.getClass().getName(), caller.getUserId());
            throw new AuthorizationException("Your groups do not allow this operation ("
                    + command.getClass().getSimpleName() + ")");
        }
        return read(command, next.execute(taskWork.answersChecked(taskWork.checked(command, caller))), caller);
    }

    private <T> T read(Command<T> command, T result, Authentication caller) {
        taskReads.logged(command, result, caller.getUserId());
        return result;
    }

    private boolean isAdministrator(Authentication caller) {
        boolean adminUser = engine.getAdminUsers() != null && engine.getAdminUsers().contains(caller.getUserId());
        return adminUser || caller.getGroupIds() != null && engine.getAdminGroups() != null
                && caller.getGroupIds().stream().anyMatch(engine.getAdminGroups()::contains);
    }
}
