package org.bordercustody.custody;

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

    /**
     * An input of a form: its key, its component type, its label, whether a user can change it, and for a choice
     * the label of each value.
     */
    public record Field(String key, String type, String label, boolean editable, boolean required,
            Map<String, String> options, Integer maxLength, java.util.regex.Pattern pattern) {

        /** What is wrong with this answer, or null: a required field left empty, a choice not on the list. */
        public String problem(Object value) {
            boolean empty = value == null || value instanceof String text && text.isBlank();
            if (empty) {
                return required ? "is required" : null;
            }
            String text = String.valueOf(value).strip();
            if (!options.isEmpty() && !options.containsKey(text)) {
                return "must be one of " + String.join(", ", options.keySet());
            }
            int limit = maxLength != null ? maxLength : LONGEST_ANSWER;
            if (text.length() > limit) {
                return "must be at most " + limit + " characters";
            }
            if (pattern != null && value instanceof String && !pattern.matcher(text).matches()) {
                return "is not in the expected form";
            }
            return null;
        }

        /** The answer as a person reads it: the option's label, yes or no, the text itself. */
        public String shown(Object value) {
            if (value instanceof Boolean flag) {
                return flag ? "yes" : "no";
            }
            if (value instanceof java.util.Date date) {
                return date.toInstant().toString().substring(0, 10);
            }
            String text = String.valueOf(value).strip();
            return options.getOrDefault(text, text);
        }
    }

    /** A form: its id and its input fields by key, in the order the form shows them. */
    public record Form(String id, Map<String, Field> fields) {

        /**
         * Every problem of the answers given on this form, each as "key (Label): problem", in the form's order. A
         * field the form shows only under a condition is checked when answered, and required by the step that needs it.
         */
        public java.util.List<String> problems(java.util.function.Function<String, Object> values) {
            java.util.List<String> problems = new java.util.ArrayList<>();
            for (Field field : fields.values()) {
                String problem = field.editable() ? field.problem(values.apply(field.key())) : null;
                if (problem != null) {
                    problems.add(field.key() + " (" + field.label() + "): " + problem);
                }
            }
            return problems;
        }

        /** The answers a user gave on this form, as "Label: answer" in the form's order; unanswered fields left out. */
        public String answers(java.util.function.Function<String, Object> values) {
            StringBuilder text = new StringBuilder();
            for (Field field : fields.values()) {
                Object value = field.editable() ? values.apply(field.key()) : null;
                if (value == null || value instanceof String blank && blank.isBlank()) {
                    continue;
                }
                text.append(text.isEmpty() ? "" : "; ").append(field.label()).append(": ").append(field.shown(value));
            }
            return text.toString();
        }
    }

    private static final String LOCATION = "classpath*:bpmn/forms/*.form";
    /** The engine stores a text variable of at most 4,000 characters; no answer needs more. */
    static final int LONGEST_ANSWER = 4000;

    /** A value of the form in a label: "{{familyMember1}}". Before DEPLOYED, which reads the labels. */
    private static final java.util.regex.Pattern TEMPLATED = java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final TaskForms DEPLOYED = new TaskForms(new ObjectMapper());

    private final Map<String, Form> formsById;

    public TaskForms(ObjectMapper objectMapper) {
        this.formsById = load(objectMapper);
    }

    /** The forms deployed with the process, for code that is not a Spring bean (a use case's allowed choices). */
    public static TaskForms deployed() {
        return DEPLOYED;
    }

    /**
     * The choices of a field, the one list that forms, code and decision tables share: the codes, each with the
     * words a person reads. A key means the same field on every form that has it.
     */
    public Map<String, String> choicesOf(String key) {
        return formsById.values().stream().map(form -> form.fields().get(key))
                .filter(field -> field != null && !field.options().isEmpty()).findFirst()
                .map(Field::options)
                .orElseThrow(() -> new IllegalArgumentException("no form has choices for " + key));
    }

    /** The choices of a field, code to words, or none for a field without choices or unknown to every form. */
    public Map<String, String> choicesWithWords(String key) {
        return formsById.values().stream().map(form -> form.fields().get(key))
                .filter(field -> field != null && !field.options().isEmpty()).findFirst()
                .map(Field::options).orElse(Map.of());
    }

    /** The label a form shows for a field; the key itself when no form has the field. */
    public String labelOf(String key) {
        return formsById.values().stream().map(form -> form.fields().get(key)).filter(java.util.Objects::nonNull)
                .findFirst().map(Field::label).orElse(key);
    }

    /** The words a form shows for a code of one of its fields' choices; the code itself when no form lists it. */
    public String wordsFor(String key, String code) {
        if (code == null) {
            return null;
        }
        return formsById.values().stream().map(form -> form.fields().get(key))
                .filter(field -> field != null && field.options().containsKey(code)).findFirst()
                .map(field -> field.options().get(code)).orElse(code);
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
                    forms.put(id, new Form(id, java.util.Collections.unmodifiableMap(fields)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task forms at " + LOCATION, e);
        }
        return Map.copyOf(forms);
    }

    /**
     * A label as words without the form's values: "Document number of {{familyMember1}}" reads "Document number of
     * family member 1" where the label stands alone (a timeline entry, a refusal that does not name the person).
     */
    static String plain(String label) {
        return TEMPLATED.matcher(label).replaceAll(value -> value.group(1)
                .replaceAll("([a-z])([A-Z0-9])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
    }

    private static void collectFields(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                boolean editable = !component.path("disabled").asBoolean(false)
                        && !component.path("readonly").asBoolean(false);
                String key = component.get("key").asText();
                Map<String, String> options = new LinkedHashMap<>();
                component.path("values").forEach(option ->
                        options.put(option.path("value").asText(), option.path("label").asText()));
                JsonNode validate = component.path("validate");
                boolean required = validate.path("required").asBoolean(false) && !component.has("conditional");
                Integer maxLength = validate.has("maxLength") ? validate.get("maxLength").asInt() : null;
                var pattern = validate.hasNonNull("pattern") ? java.util.regex.Pattern.compile(validate.get("pattern").asText())
                        : null;
                fields.put(key, new Field(key, component.path("type").asText(), plain(component.path("label").asText(key)),
                        editable, required, java.util.Collections.unmodifiableMap(options), maxLength, pattern));
            }
            collectFields(component.path("components"), fields);
        }
    }
}
