package org.bordercustody.custody;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Supplier;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads what a task's form submitted, in a listener or a service task that runs with the completion, and
 * refuses the completion when a required answer is missing or not one of the choices, whether it came from
 * Tasklist or the REST API: the engine rolls the completion back and answers 400.
 */
public final class FormAnswers {

    private final VariableScope scope;

    public FormAnswers(VariableScope scope) {
        this.scope = scope;
    }

    public String requiredText(String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw refused(name, "is required");
        }
        return text.strip();
    }

    public String optionalText(String name) {
        Object value = scope.getVariable(name);
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    /** One of the field's choices when answered, or null. */
    public String optionalChoice(String name) {
        return optionalText(name) == null ? null : requiredChoice(name);
    }

    /** One of the field's choices, as its form lists them. */
    public String requiredChoice(String name) {
        String value = requiredText(name);
        var allowed = TaskForms.deployed().choicesOf(name).keySet();
        if (!allowed.contains(value)) {
            throw refused(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A yes/no answer, from a checkbox (boolean) or a radio group ("true"/"false"). */
    public boolean requiredFlag(String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw refused(name, "must be answered yes or no");
    }

    /** An optional checkbox: unticked or absent is false. */
    public boolean flag(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw refused(name, "must be true or false");
    }

    /** A date when answered, or null. */
    public LocalDate optionalDate(String name) {
        Object value = scope.getVariable(name);
        return value == null || value instanceof String text && text.isBlank() ? null : requiredDate(name);
    }

    public LocalDate requiredDate(String name) {
        Object value = scope.getVariable(name);
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

    /**
     * Runs a use case with a form's answers: the use case's refusal of an answer becomes the form's refusal, which
     * the engine rolls back and its REST API answers with 400 naming the field.
     */
    public static void asForm(Runnable useCase) {
        asForm(() -> {
            useCase.run();
            return null;
        });
    }

    /** The same, for a use case that answers. */
    public static <T> T asForm(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (InvalidRequestException e) {
            if (e.problems().size() > 1) {
                throw new FormFieldValidationException(e.field(), e.problems().stream()
                        .map(problem -> problem.field() + " (" + (problem.label() == null
                                ? TaskForms.deployed().labelOf(problem.field()) : problem.label()) + "): " + problem.reason())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            throw e.label() == null ? refused(e.field(), e.reason()) : refused(e.field(), e.label(), e.reason());
        }
    }

    /** Camunda's own form validation failure, which its REST API answers with 400. */
    public static FormFieldValidationException refused(String name, String why) {
        return refused(name, TaskForms.deployed().labelOf(name), why);
    }

    /** The same, for a field whose label on this form is its own. */
    public static FormFieldValidationException refused(String name, String label, String why) {
        return new FormFieldValidationException(name, name + " (" + label + "): " + why);
    }
}
