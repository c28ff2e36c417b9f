package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The process data is declared once, with its type, in {@link CustodyProcess.Variables}: every name the model's
 * expressions, conditions, timers, mappings and results, the decision tables' inputs and the forms' fields and
 * texts use is declared there; every declaration is used; a form field's kind fits its declared type. The element
 * ids and message names the code refers to exist in the model and are used.
 */
class ProcessDataDeclarationTest {

    static final Path MODEL = Path.of("bpmn/migrant-custody.bpmn");
    /** The breach follow-up, whose data is declared with the custody process's. */
    static final Path FOLLOW_UP_MODEL = Path.of("bpmn/breach-follow-up.bpmn");
    static final Path RELEASE_FOLLOW_UP_MODEL = Path.of("bpmn/release-follow-up.bpmn");
    static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "execution", "task", "now", "date", "time", "duration", "floor", "PT1H");
    static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_][A-Za-z0-9_]*)(?![\\w'\"(])");
    static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\\\\"[^\\\\]*\\\\\"");

    final Map<String, Class<?>> declared = declarations();

    @Test
    void everyNameTheModelTheDecisionsAndTheFormsUseIsDeclared() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(namesInModel());
        used.addAll(namesInDecisions());
        used.addAll(namesInForms());

        assertThat(declared.keySet()).as("declared in CustodyProcess.Variables").containsAll(used);
    }

    @Test
    void everyDeclarationIsUsedByTheModelTheDecisionsTheFormsOrTheCode() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(namesInModel());
        used.addAll(namesInDecisions());
        used.addAll(namesInForms());
        String code = mainSourcesExcept("CustodyProcess.java");
        Set<String> unused = new TreeSet<>();
        for (Field field : variableFields()) {
            String name = (String) constant(field);
            if (!used.contains(name) && !Pattern.compile("\\b" + field.getName() + "\\b").matcher(code).find()) {
                unused.add(field.getName());
            }
        }
        assertThat(unused).as("declarations nothing uses").isEmpty();
    }

    @Test
    void aFormFieldsKindFitsItsDeclaredType() throws IOException {
        Map<String, Class<?>> expected = Map.of("checkbox", Boolean.class, "datetime", Date.class,
                "select", String.class, "radio", String.class, "textfield", String.class, "textarea", String.class);
        Map<String, String> mismatches = new HashMap<>();
        for (JsonNode field : formFields()) {
            String key = field.get("key").asText();
            String type = field.path("type").asText();
            boolean shownOnly = field.path("disabled").asBoolean(false);
            if (!shownOnly && expected.containsKey(type) && !expected.get(type).equals(declared.get(key))) {
                mismatches.put(key, type + " but declared " + declared.get(key));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theElementsAndMessagesTheCodeNamesExistInTheModelAndAreUsed() throws IOException {
        String code = mainSourcesExcept("CustodyProcess.java") + testSources();
        Set<String> missing = new TreeSet<>();
        Set<String> unused = new TreeSet<>();
        Map<Class<?>, Path> modelOf = Map.of(CustodyProcess.Elements.class, MODEL, CustodyProcess.Messages.class, MODEL,
                BreachFollowUpProcess.Elements.class, FOLLOW_UP_MODEL,
                ReleaseFollowUpProcess.Elements.class, RELEASE_FOLLOW_UP_MODEL,
                ReleaseFollowUpProcess.Messages.class, RELEASE_FOLLOW_UP_MODEL);
        for (Map.Entry<Class<?>, Path> holding : modelOf.entrySet()) {
            Class<?> holder = holding.getKey();
            String model = Files.readString(holding.getValue());
            for (Field field : constants(holder)) {
                String value = (String) constant(field);
                String inModel = holder.getSimpleName().equals("Messages") ? "name=\"" + value + "\"" : "id=\"" + value + "\"";
                if (!model.contains(inModel)) {
                    missing.add(holder.getSimpleName() + "." + field.getName());
                }
                if (!Pattern.compile("\\b" + field.getName() + "\\b").matcher(code).find()) {
                    unused.add(holder.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(missing).as("not in the model").isEmpty();
        assertThat(unused).as("named but never used").isEmpty();
    }

    private Set<String> namesInModel() throws IOException {
        String model = Files.readString(MODEL) + Files.readString(FOLLOW_UP_MODEL)
                + Files.readString(RELEASE_FOLLOW_UP_MODEL);
        Set<String> names = new TreeSet<>();
        // Spring beans behind delegates and listeners are not process data.
        String withoutBeans = model.replaceAll("delegateExpression=\"\\$\\{\\w+}\"", "");
        // A decision's outcome handed on by the decisionOutcome bean names the variable it sets.
        Matcher decisionOutcomes = Pattern.compile("\\$\\{decisionOutcome\\.keep\\w+\\(execution, '(\\w+)'\\)}")
                .matcher(withoutBeans);
        while (decisionOutcomes.find()) {
            names.add(decisionOutcomes.group(1));
        }
        withoutBeans = decisionOutcomes.replaceAll("");
        Matcher expressions = Pattern.compile("\\$\\{([^}]*)}").matcher(withoutBeans);
        while (expressions.find()) {
            String expression = expressions.group(1);
            Matcher getVariable = Pattern.compile("getVariable\\('(\\w+)'\\)").matcher(expression);
            while (getVariable.find()) {
                names.add(getVariable.group(1));
            }
            names.addAll(identifiers(expression));
        }
        Matcher attributes = Pattern.compile("(?:camunda:resultVariable|inputParameter name|outputParameter name)=\"(\\w+)\"")
                .matcher(model);
        while (attributes.find()) {
            names.add(attributes.group(1));
        }
        return names;
    }

    private Set<String> namesInDecisions() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> tables = Files.list(Path.of("dmn"))) {
            for (Path table : tables.toList()) {
                Matcher inputs = Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>")
                        .matcher(Files.readString(table));
                while (inputs.find()) {
                    names.addAll(identifiers(inputs.group(1).replace("&lt;", "<").replace("&gt;", ">")));
                }
            }
        }
        return names;
    }

    private Set<String> namesInForms() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode field : formFields()) {
            names.add(field.get("key").asText());
        }
        try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
            for (Path form : forms.toList()) {
                Matcher templates = Pattern.compile("\\{\\{(.*?)}}").matcher(Files.readString(form));
                while (templates.find()) {
                    names.addAll(identifiers(templates.group(1)));
                }
            }
        }
        return names;
    }

    private static Set<String> identifiers(String expression) {
        Matcher matcher = IDENTIFIER.matcher(QUOTED.matcher(expression).replaceAll(" "));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            if (!NOT_VARIABLES.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static java.util.List<JsonNode> formFields() throws IOException {
        java.util.List<JsonNode> fields = new java.util.ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
            for (Path form : forms.toList()) {
                collect(new ObjectMapper().readTree(form.toFile()).path("components"), fields);
            }
        }
        return fields;
    }

    private static void collect(JsonNode components, java.util.List<JsonNode> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.add(component);
            }
            collect(component.path("components"), fields);
        }
    }

    private static Map<String, Class<?>> declarations() {
        return variableFields().stream().collect(Collectors.toMap(field -> (String) constant(field),
                field -> field.getAnnotation(Declared.class).value()));
    }

    private static java.util.List<Field> variableFields() {
        java.util.List<Field> fields = constants(CustodyProcess.Variables.class);
        assertThat(fields).allSatisfy(field -> assertThat(field.getAnnotation(Declared.class))
                .as("the type of %s", field.getName()).isNotNull());
        return fields;
    }

    private static java.util.List<Field> constants(Class<?> holder) {
        return Arrays.stream(holder.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class).toList();
    }

    private static Object constant(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mainSourcesExcept(String fileName) throws IOException {
        return sources(Path.of("src/main/java"), fileName);
    }

    private static String testSources() throws IOException {
        return sources(Path.of("src/test/java"), "ProcessDataDeclarationTest.java");
    }

    private static String sources(Path root, String except) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")
                    && !path.getFileName().toString().equals(except)).toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }
}
