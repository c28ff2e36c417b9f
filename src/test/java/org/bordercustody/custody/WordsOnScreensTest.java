package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * No code on a form or in a refusal Tasklist shows: every form's labels, descriptions, option labels and texts, and
 * every refusal a task's completion can answer (the form checks, the answer rules, the delegates and the use cases
 * they call) are in words. A code is an upper-case word of two parts or more joined by underscores (HHS_NOTIFICATION)
 * or a variable name in camel case (breachedClock). Codes stay in the API and the data.
 */
class WordsOnScreensTest {

    static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[a-z]+[A-Z][A-Za-z0-9]*\\b");
    static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}|\\]\\([^)]*\\)");
    static final Set<String> SHOWN_TEXTS = Set.of("label", "description", "text", "placeholder", "title");
    static final ObjectMapper JSON = new ObjectMapper();

    /** The code-like words in a text a person reads (templates' variable names and link targets left out). */
    static List<String> codesIn(String text) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(TEMPLATE.matcher(text).replaceAll(" "));
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        return codes;
    }

    @Test
    void theCodeScanFindsTheCodesUsersFoundAndNoPlainWords() {
        assertThat(codesIn("Clock that ran out: HHS_NOTIFICATION")).containsExactly("HHS_NOTIFICATION");
        assertThat(codesIn("must be one of EXPEDITED_REMOVAL, RELEASE_NOTICE_TO_REPORT"))
                .containsExactly("EXPEDITED_REMOVAL", "RELEASE_NOTICE_TO_REPORT");
        assertThat(codesIn("breachedClock: is shown")).containsExactly("breachedClock");
        assertThat(codesIn("**{{personName}}** · [Family](#custody-family/X) · HHS ORR, U.S. address, ICE, ZIP code"))
                .isEmpty();
    }

    @Test
    void everyFormsLabelsDescriptionsOptionLabelsAndTextsAreWords() throws IOException {
        Map<String, List<String>> codes = new TreeMap<>();
        List<Path> forms = forms();
        for (Path form : forms) {
            collect(JSON.readTree(form.toFile()), form.getFileName().toString(), codes);
        }
        assertThat(forms).hasSizeGreaterThan(15);
        assertThat(codes).as("codes a person would read on a form").isEmpty();
    }

    @Test
    void noFormShowsAFieldWhoseValueIsACode() throws IOException {
        Set<String> setToACode = new TreeSet<>();
        for (CamundaInputParameter parameter : Bpmn.readModelFromFile(new File("bpmn/migrant-custody.bpmn"))
                .getModelElementsByType(CamundaInputParameter.class)) {
            if (parameter.getTextContent() != null && !codesIn(parameter.getTextContent()).isEmpty()) {
                setToACode.add(parameter.getCamundaName());
            }
        }
        Map<String, String> shownCodes = new TreeMap<>();
        for (Path form : forms()) {
            for (JsonNode field : JSON.readTree(form.toFile()).findParents("key")) {
                boolean showsItsValueAsText = field.path("disabled").asBoolean(false)
                        && Set.of("textfield", "textarea").contains(field.path("type").asText());
                if (showsItsValueAsText && setToACode.contains(field.get("key").asText())) {
                    shownCodes.put(form.getFileName() + " " + field.get("key").asText(), field.path("label").asText());
                }
            }
        }
        assertThat(setToACode).as("the model sets codes (the breached clock)").isNotEmpty();
        assertThat(shownCodes).as("read-only fields showing a code the model sets").isEmpty();
    }

    @Test
    void aRefusedChoiceNamesEveryChoiceInTheFormsWords() {
        TaskForms forms = TaskForms.deployed();
        ChoiceWordsInRefusals words = new ChoiceWordsInRefusals(forms);
        Map<String, String> refusals = new TreeMap<>();
        for (TaskForms.Form form : forms.all().values()) {
            for (TaskForms.Field field : form.fields().values()) {
                if (!field.options().isEmpty()) {
                    refusals.put(field.key(), words.inWords(field.key(), field.problem("NOT_A_CHOICE")));
                }
            }
        }
        assertThat(refusals).containsKeys("overrideOutcome", "flightRisk",
                "addressBuildingType");
        refusals.forEach((key, refusal) -> {
            assertThat(codesIn(refusal)).as(key + ": " + refusal).isEmpty();
            assertThat(refusal).as(key).contains(forms.choicesWithWords(key).values());
        });
        assertThat(words.inWords("addressBuildingType", "must be SINGLE_UNIT or MULTI_UNIT")).as("a code in a sentence")
                .doesNotContain("SINGLE_UNIT", "MULTI_UNIT");
    }

    /**
     * The refusals a task's completion can answer, as the code writes them: every text of a refusal (a field's
     * problem, a delegate's error, a use case's refusal of an answer) outside the field key it names.
     */
    @Test
    void everyRefusalATaskCompletionCanAnswerIsWrittenInWords() throws IOException {
        Map<String, List<String>> codes = new TreeMap<>();
        List<Path> sources = completionPath();
        for (Path source : sources) {
            String code = Files.readString(source);
            Matcher refusal = REFUSAL.matcher(code);
            while (refusal.find()) {
                String arguments = arguments(code, refusal.end() - 1);
                List<String> texts = literals(arguments);
                List<String> found = texts.stream().flatMap(text -> codesIn(text).stream()).toList();
                List<String> unworded = Stream.of("::name", ".name()", "keySet()").filter(arguments::contains).toList();
                if (!found.isEmpty() || !unworded.isEmpty()) {
                    codes.put(source.getFileName() + ":" + (code.substring(0, refusal.start()).split("\n").length),
                            Stream.concat(found.stream(), unworded.stream()).toList());
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(20);
        assertThat(codes).as("codes in refusals a person reads in Tasklist").isEmpty();
    }

    static final Pattern REFUSAL = Pattern.compile("(new (?:InvalidRequestException|BpmnError|FormFieldValidationException"
            + "|ConflictException)|\\brefused)\\(");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The delegates, the use cases they call with a form's answers, the answer rules and the form checks. */
    static List<Path> completionPath() throws IOException {
        Set<String> useCases = Set.of("CustodyOutcomes.java", "FamilySeparations.java", "Families.java",
                "AddressRules.java", "IntendedAddress.java", "Facilities.java", "IceBookIns.java", "OrrPlacements.java",
                "HhsReferrals.java", "CheckIns.java", "FormAnswers.java", "TaskForms.java", "TaskWorkRules.java",
                "CaseAnswerRules.java", "IceFacilityAnswers.java", "OrrFacilityAnswers.java");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/bordercustody"))) {
            return files.filter(file -> !file.toString().contains("/reporting/"))
                    .filter(file -> file.getFileName().toString().endsWith("Delegate.java")
                            || file.getFileName().toString().endsWith("Listener.java")
                            || useCases.contains(file.getFileName().toString()))
                    .sorted().toList();
        }
    }

    private static String arguments(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                for (i++; code.charAt(i) != '"'; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(open, i + 1);
            }
        }
        return code.substring(open);
    }

    /**
     * The texts of the refusal, without the first argument of a call when a text follows it: the field key or the
     * error code a refusal names ({@code refused("flightRisk", "is required")}, {@code wordsFor("releaseDocuments",
     * code)}, {@code unit == null ? "addressUnit" : "addressStreet"}), which the API keeps and no person reads.
     */
    private static List<String> literals(String arguments) {
        String texts = arguments.substring(1, arguments.length() - 1);
        int comma = topLevelComma(texts);
        if (comma > 0) {
            texts = texts.substring(comma + 1);
        }
        texts = FIRST_ARGUMENT_LITERAL.matcher(texts).replaceAll("(");
        List<String> found = new ArrayList<>();
        Matcher literal = LITERAL.matcher(texts);
        while (literal.find()) {
            found.add(literal.group(1));
        }
        return found;
    }

    static final Pattern FIRST_ARGUMENT_LITERAL = Pattern.compile("\\(\\s*\"[^\"]*\"\\s*(?=[,)])");

    private static int topLevelComma(String arguments) {
        int depth = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '"') {
                for (i++; arguments.charAt(i) != '"'; i++) {
                    if (arguments.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
    }

    private static void collect(JsonNode node, String form, Map<String, List<String>> codes) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (SHOWN_TEXTS.contains(entry.getKey()) && entry.getValue().isTextual()) {
                    List<String> found = codesIn(entry.getValue().asText());
                    if (!found.isEmpty()) {
                        codes.computeIfAbsent(form, f -> new ArrayList<>()).addAll(found);
                    }
                }
                collect(entry.getValue(), form, codes);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, form, codes));
        }
    }
}
