package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The holding limit is near: note it in the timeline and move every open task of the case up the lists. */
@Component("custodyLimitApproaching")
public class CustodyLimitApproachingListener implements TaskListener {

    private final CustodyEvents custodyEvents;

    public CustodyLimitApproachingListener(CustodyEvents custodyEvents) {
        this.custodyEvents = custodyEvents;
    }

    @Override
    public void notify(DelegateTask task) {
        Date deadline = (Date) task.getVariable(CUSTODY_DEADLINE);
        custodyEvents.custodyLimitApproaching(task.getExecution().getProcessBusinessKey(), deadline.toInstant());
        TaskService taskService = task.getProcessEngineServices().getTaskService();
        for (Task open : taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list()) {
            if (open.getPriority() < TaskPriorities.CLOCK_RUNNING_OUT) {
                open.setPriority(TaskPriorities.CLOCK_RUNNING_OUT);
                taskService.saveTask(open);
            }
        }
        task.setPriority(TaskPriorities.CLOCK_RUNNING_OUT);
    }
}
