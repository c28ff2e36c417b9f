package org.bordercustody.custody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Runs for every user task of the custody process and of its breach follow-ups: on creation it names the person and the hours in
 * custody in the task description and sets a priority from the time left; on completion it writes the timeline
 * with every answer given on the task's form, so that nothing a user typed is lost.
 */
@Component
public class TaskLifecycleListener implements TaskListener {

    private final Timeline timeline;
    private final TaskForms forms;
    private final CustodyCaseRepository cases;
    private final Clock clock;

    public TaskLifecycleListener(Timeline timeline, TaskForms forms, CustodyCaseRepository cases, Clock clock) {
        this.timeline = timeline;
        this.forms = forms;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = processKey(task);
        if (!CaseProcesses.isCaseProcess(processKey)) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String answers = forms.byId(formId(task)).map(form -> form.answers(task::getVariable)).orElse("");
            timeline.record(task.getExecution().getProcessBusinessKey(), "TASK_COMPLETED",
                    "Task completed: " + task.getName() + (answers.isEmpty() ? "" : ". " + answers), Actors.of(task));
        }
    }

    private void created(DelegateTask task) {
        Instant now = clock.instant();
        CustodyCase custodyCase = cases.get(task.getExecution().getProcessBusinessKey());
        double hours = Duration.between(custodyCase.apprehendedAt(), now).toMinutes() / 60.0;
        task.setDescription("%s · case %s · %.1f h in custody when this task was created".formatted(
                custodyCase.displayName(), custodyCase.caseNumber(), hours));
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        task.setPriority(Math.max(task.getPriority(), TaskPriorities.forDue(due, now)));
    }

    private static String formId(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        return userTask == null ? null : userTask.getCamundaFormRef();
    }

    private static String processKey(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
    }
}
