package org.bordercustody.access;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * Reads what a task command carries (its task, its user, its variables). Camunda's commands keep these in
 * protected fields without getters; a field that cannot be read refuses the command rather than letting it pass.
 */
final class CommandFields {

    private CommandFields() {
    }

    static Object read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException | RuntimeException e) {
                break;
            }
        }
        throw new AuthorizationException("The engine command " + command.getClass().getSimpleName()
                + " cannot be checked, so it is refused");
    }

    static String text(Object command, String name) {
        return (String) read(command, name);
    }
}
