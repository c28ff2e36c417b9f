package org.bordercustody.custody;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A task completion's answers as the process declares them ({@link ProcessData}), whichever entry point completes
 * the task (Tasklist, the REST API, a use case): an answer the process does not keep lives only for the completing
 * transaction, where the gateway, the use case and the timeline after the task read it, and is never written to
 * Camunda's runtime or history tables. Names the process does not declare pass unchanged.
 */
public class DeclaredAnswersInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof CompleteTaskCmd) {
            declare(command, "variables");
        } else if (command instanceof SubmitTaskFormCmd) {
            declare(command, "properties");
        }
        return next.execute(command);
    }

    @SuppressWarnings("unchecked")
    private static void declare(Object command, String fieldName) {
        try {
            Field field = declaredField(command.getClass(), fieldName);
            field.setAccessible(true);
            Map<String, Object> answers = (Map<String, Object>) field.get(command);
            if (answers == null || answers.isEmpty()) {
                return;
            }
            VariableMap declared = Variables.createVariables();
            answers.keySet().forEach(name -> {
                Object value = answers instanceof VariableMap typed ? typed.getValueTyped(name) : answers.get(name);
                // Serialized objects pass as sent: no form field takes one, and the task's form refuses it.
                boolean plain = !(value instanceof SerializableValue);
                declared.putValueTyped(name, plain && ProcessData.isDeclared(name) ? ProcessData.value(name, value)
                        : value instanceof TypedValue typedValue ? typedValue : Variables.untypedValue(value));
            });
            field.set(command, declared);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The answers of " + command.getClass().getSimpleName()
                    + " cannot be read in this engine version", e);
        }
    }

    private static Field declaredField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
            try {
                return declaring.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
