package org.bordercustody.custody;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Process data set as its declaration says: a value the process keeps (declared {@code kept}) is an ordinary
 * variable; every other value is transient, read by the steps of the same transaction and never written to
 * Camunda's runtime or history tables. Form answers, decision inputs and the facts of a hand-over are of the
 * second kind: the case tables and the timeline keep them.
 */
public final class ProcessData {

    private static final Map<String, Boolean> KEPT = Arrays.stream(CustodyProcess.Variables.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(Declared.class))
            .collect(Collectors.toUnmodifiableMap(ProcessData::name, field -> field.getAnnotation(Declared.class).kept()));

    private final VariableMap values = Variables.createVariables();

    public static ProcessData of() {
        return new ProcessData();
    }

    public static boolean isDeclared(String name) {
        return KEPT.containsKey(name);
    }

    public static boolean isKept(String name) {
        return KEPT.getOrDefault(name, false);
    }

    /** The value as the process should hold it: kept, or transient for the current transaction only. */
    public static TypedValue value(String name, Object value) {
        Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
        return plain == null ? Variables.untypedNullValue(!isKept(name)) : Variables.untypedValue(plain, !isKept(name));
    }

    public static void set(VariableScope scope, String name, Object value) {
        scope.setVariable(name, value(name, value));
    }

    public ProcessData with(String name, Object value) {
        values.putValueTyped(name, value(name, value));
        return this;
    }

    public VariableMap variables() {
        return values;
    }

    private static String name(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
