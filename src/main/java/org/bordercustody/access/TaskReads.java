package org.bordercustody.access;

import java.util.Optional;
import java.util.function.Function;
import org.bordercustody.privacy.ReadLog;
import org.bordercustody.privacy.ReadVia;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A task's form variables and its variables are the person's record: a signed-in user's read of them through the
 * engine (Tasklist, the web apps' API, Camunda's REST API) is logged against the task's case once it succeeded.
 * A task of no custody case, and a single variable the task does not have, are no read of a record.
 */
final class TaskReads {

    private final ObjectProvider<ReadLog> readLog;
    private final Function<String, Optional<String>> caseOfTask;

    TaskReads(ObjectProvider<ReadLog> readLog, Function<String, Optional<String>> caseOfTask) {
        this.readLog = readLog;
        this.caseOfTask = caseOfTask;
    }

    void logged(Command<?> command, Object result, String userId) {
        ReadVia via;
        String taskId;
        if (command instanceof GetTaskFormVariablesCmd) {
            via = ReadVia.TASK_FORM;
            taskId = CommandFields.text(command, "resourceId");
        } else if (command instanceof GetTaskVariablesCmd) {
            via = ReadVia.TASK_VARIABLES;
            taskId = CommandFields.text(command, "taskId");
        } else if ((command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped)
                && result != null) {
            via = ReadVia.TASK_VARIABLES;
            taskId = CommandFields.text(command, "taskId");
        } else {
            return;
        }
        caseOfTask.apply(taskId).ifPresent(caseNumber -> readLog.getObject().read(userId, via, caseNumber));
    }
}
