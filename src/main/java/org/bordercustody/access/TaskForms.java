package org.bordercustody.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of the deployed processes (bpmn/forms/*.form), read once: for each form its input fields,
 * so that a completion can be held to exactly the fields a user could fill in.
 */
@Component
public class TaskForms {

    /** An input of a form: its key, its component type, its label, and whether a user can change it. */
    public record Field(String key, String type, String label, boolean editable) {
    }

    /** A form: its id and its input fields by key. */
    public record Form(String id, Map<String, Field> fields) {
    }

    private static final String LOCATION = "classpath*:bpmn/forms/*.form";

    private final Map<String, Form> formsById;

    public TaskForms(ObjectMapper objectMapper) {
        this.formsById = load(objectMapper);
    }

    public Optional<Form> byId(String formId) {
        return Optional.ofNullable(formId).map(formsById::get);
    }

    public Map<String, Form> all() {
        return formsById;
    }

    private static Map<String, Form> load(ObjectMapper objectMapper) {
        Map<String, Form> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = objectMapper.readTree(in);
                    Map<String, Field> fields = new LinkedHashMap<>();
                    collectFields(form.path("components"), fields);
                    String id = form.path("id").asText();
                    forms.put(id, new Form(id, Map.copyOf(fields)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task forms at " + LOCATION, e);
        }
        return Map.copyOf(forms);
    }

    private static void collectFields(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                boolean editable = !component.path("disabled").asBoolean(false)
                        && !component.path("readonly").asBoolean(false);
                String key = component.get("key").asText();
                fields.put(key, new Field(key, component.path("type").asText(), component.path("label").asText(key),
                        editable));
            }
            collectFields(component.path("components"), fields);
        }
    }
}
