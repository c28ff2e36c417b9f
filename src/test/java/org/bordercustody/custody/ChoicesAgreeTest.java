package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bordercustody.release.CustodyOutcomes;
import org.junit.jupiter.api.Test;

/**
 * Each list of choices has one source, the form that asks for it; the code reads it from there, and the decision
 * tables must neither test a value the form cannot give nor produce one the code does not know.
 */
class ChoicesAgreeTest {

    static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    @Test
    void theReleaseDecisionProposesExactlyTheOutcomesASupervisorMayChoose() throws IOException {
        assertThat(outputValues("dmn/release-eligibility.dmn", 0)).isEqualTo(new TreeSet<>(CustodyOutcomes.OUTCOMES));
    }

    @Test
    void thePlacementDecisionProducesExactlyThePlacementsTheFormsNameInWords() throws IOException {
        assertThat(outputValues("dmn/family-unit-placement.dmn", 0))
                .isEqualTo(new TreeSet<>(TaskForms.deployed().choicesOf("placement").keySet()));
    }

    @Test
    void everyFormShowingAnOutcomeNamesTheOutcomesTheSupervisorChoosesFromInTheSameWords() {
        var outcomes = TaskForms.deployed().choicesOf("overrideOutcome");
        List<String> shown = new ArrayList<>();
        TaskForms.deployed().all().forEach((formId, form) -> form.fields().forEach((key, field) -> {
            if (key.equals("proposedOutcome") || key.equals("custodyOutcome")) {
                assertThat(field.options()).as(formId + " " + key).isEqualTo(outcomes);
                shown.add(formId + " " + key);
            }
        }));
        assertThat(shown).hasSize(3);
    }

    @Test
    void theFamilyStatusDecisionProducesExactlyTheClassificationsTheCaseKnows() throws IOException {
        assertThat(outputValues("dmn/family-status.dmn", 0)).isEqualTo(
                Arrays.stream(Classification.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyValueADecisionTableTestsForAFormsFieldIsOneOfThatFieldsChoices() throws IOException {
        TaskForms forms = TaskForms.deployed();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> tables = Files.list(Path.of("dmn"))) {
            for (Path table : tables.toList()) {
                String dmn = Files.readString(table);
                List<String> inputs = matches(dmn, "<inputExpression[^>]*>\\s*<text>([^<]*)</text>");
                for (String rule : matches(dmn, "<rule id=\"[^\"]+\">(.*?)</rule>")) {
                    List<String> entries = matches(rule, "<inputEntry id=\"[^\"]+\">\\s*<text>([^<]*)</text>");
                    for (int column = 0; column < inputs.size(); column++) {
                        String input = inputs.get(column);
                        if (!hasChoices(forms, input)) {
                            continue;
                        }
                        Matcher values = QUOTED.matcher(entries.get(column).replace("&quot;", "\""));
                        while (values.find()) {
                            if (!forms.choicesOf(input).containsKey(values.group(1))) {
                                unknown.add(table.getFileName() + ": " + input + " = " + values.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    private static boolean hasChoices(TaskForms forms, String key) {
        try {
            forms.choicesOf(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> outputValues(String table, int output) throws IOException {
        Set<String> values = new TreeSet<>();
        for (String rule : matches(Files.readString(Path.of(table)), "<rule id=\"[^\"]+\">(.*?)</rule>")) {
            Matcher value = QUOTED.matcher(matches(rule, "<outputEntry id=\"[^\"]+\">\\s*<text>([^<]*)</text>").get(output)
                    .replace("&quot;", "\""));
            if (value.find()) {
                values.add(value.group(1));
            }
        }
        return values;
    }

    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
