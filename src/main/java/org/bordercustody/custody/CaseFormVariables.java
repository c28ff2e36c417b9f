package org.bordercustody.custody;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine's form service, answering a task's form variables (what Tasklist fills a Camunda Form with) with the
 * task's own variables, as the engine checks and reads them, plus what {@link ShownOnForms} reads from the case
 * tables: the name, the clocks in words, the release address. Only after the engine has let the caller read the
 * task; on every path to the form variables (Camunda's REST API, Tasklist's own API).
 */
class CaseFormVariables extends FormServiceImpl {

    private final CustodyCaseRepository cases;
    private final ObjectProvider<ShownOnForms> shownOnForms;

    CaseFormVariables(CustodyCaseRepository cases, ObjectProvider<ShownOnForms> shownOnForms) {
        this.cases = cases;
        this.shownOnForms = shownOnForms;
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
            boolean deserializeObjectValues) {
        VariableMap variables = super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
        cases.caseNumberOfTask(taskId).flatMap(cases::find).ifPresent(custodyCase -> {
            Map<String, Object> shown = new HashMap<>();
            Map<String, Object> processData = Map.copyOf(variables.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            shownOnForms.orderedStream().forEach(source -> source.addTo(custodyCase, processData, shown));
            shown.forEach((name, value) -> {
                if ((formVariables == null || formVariables.contains(name)) && !variables.containsKey(name)) {
                    variables.putValueTyped(name, typed(value));
                }
            });
        });
        return variables;
    }

    private static TypedValue typed(Object value) {
        if (value instanceof Boolean flag) {
            return Variables.booleanValue(flag);
        }
        if (value instanceof Long number) {
            return Variables.longValue(number);
        }
        return Variables.stringValue(value.toString());
    }
}
