package org.bordercustody.custody;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a task's form submitted and refuses a completion that lacks a required answer, whether it came
 * from Tasklist or from the REST API: the engine rolls the completion back and answers 400.
 */
public final class TaskVariables {

    private final DelegateTask task;

    public TaskVariables(DelegateTask task) {
        this.task = task;
    }

    public String requiredText(String name) {
        Object value = task.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw refused(name, "is required");
        }
        return text.strip();
    }

    public String requiredChoice(String name, String... allowed) {
        String value = requiredText(name);
        if (!Arrays.asList(allowed).contains(value)) {
            throw refused(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    public boolean flag(String name) {
        Object value = task.getVariable(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw refused(name, "must be true or false");
    }

    public LocalDate requiredDate(String name) {
        Object value = task.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw refused(name, "must be a date YYYY-MM-DD");
            }
        }
        throw refused(name, "is required");
    }

    public static BadUserRequestException refused(String name, String why) {
        return new BadUserRequestException(name + ": " + why);
    }
}
