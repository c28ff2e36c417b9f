package org.bordercustody.access;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.custody.CaseProcesses;
import org.bordercustody.custody.CaseAnswerRules;
import org.bordercustody.custody.FormAnswers;
import org.bordercustody.custody.TaskForms;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What a Tasklist user may do to a task, checked inside the command's own transaction before it runs: claim
 * only for oneself and only a task of one's own groups; unclaim only one's own; complete only a task that is
 * one's own or nobody's, carrying exactly the editable fields of its form with values of the field's kind. Every
 * completion, whoever makes it, answers its form: required fields, the form's own choices, lengths, and the rules of
 * its case ({@link CaseAnswerRules}: a facility that may hold the person, say).
 */
final class TaskWorkRules {

    private final TaskForms forms;
    private final ObjectProvider<CaseAnswerRules> caseRules;

    TaskWorkRules(TaskForms forms, ObjectProvider<CaseAnswerRules> caseRules) {
        this.forms = forms;
        this.caseRules = caseRules;
    }

    /**
     * A completion by anyone, administrators and the application included, with its answers held to the task's
     * form first: required fields answered, choices from the form's own list, lengths. All problems at once.
     */
    @SuppressWarnings("unchecked")
    <T> Command<T> answersChecked(Command<T> command) {
        if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)) {
            return command;
        }
        String taskId = CommandFields.text(command, "taskId");
        Map<String, Object> variables = (Map<String, Object>) CommandFields.read(command,
                command instanceof CompleteTaskCmd ? "variables" : "properties");
        return checkedFirst(command, context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null) {
                // Whoever completes a custody task, administrators included, writes its form's fields and nothing
                // else: the process's own data (clocks, routing facts) is never a completion's to set.
                if (isCustodyTask(task)) {
                    requireFormFields(task, variables);
                }
                requireAnswers(task, variables);
            }
        });
    }

    /** The command, with the checks its kind needs run first in its transaction. */
    @SuppressWarnings("unchecked")
    <T> Command<T> checked(Command<T> command, Authentication caller) {
        if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
            String taskId = CommandFields.text(command, "taskId");
            String userId = CommandFields.text(command, "userId");
            if (userId != null && !userId.equals(caller.getUserId())) {
                throw new AuthorizationException("A task can be claimed only for oneself, not for " + userId);
            }
            // The engine's claim command needs only the TASK_WORK permission a group member has; assigning needs more.
            Command<Void> claim = new ClaimTaskCmd(taskId, userId);
            return (Command<T>) checkedFirst(claim, context -> {
                TaskEntity task = readableTask(context, taskId);
                if (task == null) {
                    return;
                }
                if (userId == null) {
                    requireOwnOrUnassigned(task, caller, "unclaim");
                } else {
                    requireOwnGroup(task, caller);
                }
            });
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = CommandFields.text(command, "taskId");
            Map<String, Object> variables = (Map<String, Object>) CommandFields.read(command,
                    command instanceof CompleteTaskCmd ? "variables" : "properties");
            return checkedFirst(command, context -> {
                TaskEntity task = readableTask(context, taskId);
                if (task == null) {
                    return;
                }
                requireOwnOrUnassigned(task, caller, "complete");
                requireFormFields(task, variables);
                requireAnswers(task, variables);
            });
        }
        return command;
    }

    /**
     * The task, once the engine has checked that the caller may read it: a task the caller may not see answers with
     * the engine's own refusal, before anything here could tell whether it is claimed or whose group's it is.
     */
    private static TaskEntity readableTask(CommandContext context, String taskId) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null) {
            context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkReadTask(task));
        }
        return task;
    }

    private static void requireOwnGroup(TaskEntity task, Authentication caller) {
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        boolean ownGroup = task.getCandidates().stream()
                .anyMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId()));
        if (!ownGroup) {
            throw new AuthorizationException("The task " + task.getId() + " is not one of your groups' tasks");
        }
    }

    private static void requireOwnOrUnassigned(TaskEntity task, Authentication caller, String action) {
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.getUserId())) {
            throw new AuthorizationException("The task " + task.getId() + " is claimed by another user: you cannot "
                    + action + " it");
        }
    }

    private void requireFormFields(TaskEntity task, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        TaskForms.Form form = formOf(task);
        List<String> problems = new ArrayList<>();
        String firstField = null;
        for (String name : variables.keySet()) {
            // The typed value: the plain value of an object not yet deserialized cannot be read.
            Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
            TaskForms.Field field = form == null ? null : form.fields().get(name);
            String problem;
            if (field == null) {
                problem = "is not a field of this task's form";
            } else if (!field.editable()) {
                problem = "is shown for information and cannot be changed";
            } else if (!fitsField(field, value)) {
                problem = "is not a value of the kind this field takes";
            } else {
                continue;
            }
            firstField = firstField == null ? name : firstField;
            problems.add(name + ": " + problem);
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(firstField, String.join("; ", problems));
        }
    }

    private void requireAnswers(TaskEntity task, Map<String, Object> variables) {
        TaskForms.Form form = formOf(task);
        if (form == null) {
            return;
        }
        java.util.function.Function<String, Object> answers = key -> variables != null && variables.containsKey(key)
                ? rawValue(variables, key) : task.getVariable(key);
        List<String> problems = form.problems(answers);
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            throw new FormFieldValidationException(first.substring(0, first.indexOf(' ')), String.join("; ", problems));
        }
        if (isCustodyTask(task) && task.getProcessInstance() != null) {
            String caseNumber = task.getProcessInstance().getBusinessKey();
            caseRules.orderedStream().filter(rule -> rule.taskDefinitionKeys().contains(task.getTaskDefinitionKey()))
                    .forEach(rule -> FormAnswers.asForm(() -> rule.check(caseNumber, answers)));
        }
    }

    /** A task of the custody process or of one of its breach follow-ups. */
    private static boolean isCustodyTask(TaskEntity task) {
        return CaseProcesses.isCaseProcessDefinition(task.getProcessDefinitionId());
    }

    private TaskForms.Form formOf(TaskEntity task) {
        var formKey = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getCamundaFormDefinitionKey();
        return forms.byId(formKey == null ? null : formKey.getExpressionText()).orElse(null);
    }

    private static Object rawValue(Map<String, Object> variables, String name) {
        Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
        return value instanceof TypedValue typed && !(value instanceof SerializableValue) ? typed.getValue() : value;
    }

    private static boolean fitsField(TaskForms.Field field, Object value) {
        if (value instanceof SerializableValue) {
            return false;
        }
        Object raw = value instanceof TypedValue typed ? typed.getValue() : value;
        if (raw == null) {
            return true;
        }
        return switch (field.type()) {
            case "textfield", "textarea", "select", "radio" -> raw instanceof String;
            case "checkbox" -> raw instanceof Boolean;
            case "datetime" -> raw instanceof String || raw instanceof Date;
            case "number" -> raw instanceof Number;
            default -> false;
        };
    }

    private static <T> Command<T> checkedFirst(Command<T> command, java.util.function.Consumer<CommandContext> check) {
        return new Command<>() {
            @Override
            public T execute(CommandContext context) {
                check.accept(context);
                return command.execute(context);
            }
        };
    }
}
