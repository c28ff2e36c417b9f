package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    void theBreachFollowUpOffersExactlyTheCausesTheBreachKeepsInTheirWords() {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        for (BreachCause cause : BreachCause.values()) {
            words.put(cause.name(), cause.words());
        }
        assertThat(TaskForms.deployed().choicesOf("overdueCause")).containsExactlyEntriesOf(words);
    }

    @Test
    void theFamilyStatusDecisionProducesExactlyTheClassificationsTheCaseKnows() throws IOException {
        assertThat(outputValues("dmn/family-status.dmn", 0)).isEqualTo(
                Arrays.stream(Classification.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Where a decision table's input comes from, and the values it can have there. */
    record Source(String from, java.util.function.Predicate<String> can) {

        /** A form's choice field: a quoted value must be one of its choices. */
        static Source formChoice(String key) {
            return new Source("form field " + key,
                    token -> token.startsWith("\"") && TaskForms.deployed().choicesOf(key)
                            .containsKey(token.substring(1, token.length() - 1)));
        }

        /** A form's checkbox: true or false, or null while unanswered. */
        static Source formCheckbox(String key) {
            boolean checkbox = TaskForms.deployed().all().values().stream().map(form -> form.fields().get(key))
                    .anyMatch(field -> field != null && field.type().equals("checkbox"));
            return new Source("form checkbox " + key, token -> checkbox && Set.of("true", "false", "null").contains(token));
        }

        /** Not a form's field: the code computes it, from what the description says, as one of these values. */
        static Source computed(String from, java.util.Collection<String> values) {
            return new Source("computed from " + from,
                    token -> token.startsWith("\"") && values.contains(token.substring(1, token.length() - 1)));
        }

        static Source computedFlag(String from) {
            return new Source("computed from " + from, token -> Set.of("true", "false", "null").contains(token));
        }

        static Source computedNumber(String from) {
            return new Source("computed from " + from, token -> token.equals("null") || token.matches("(>=|<=|>|<)? *[0-9]+"));
        }
    }

    static final Set<String> CLASSIFICATIONS =
            Arrays.stream(Classification.values()).map(Enum::name).collect(Collectors.toSet());

    /** Every input of every decision table, by table and input expression, with its source. */
    static final java.util.Map<String, Source> SOURCES = java.util.Map.ofEntries(
            java.util.Map.entry("family-status.dmn ageAtApprehension",
                    Source.computedNumber("the apprehension's dateOfBirth and apprehendedAt")),
            java.util.Map.entry("family-status.dmn companionRelationship",
                    Source.computed("the apprehension's accompaniedBy relationship, NONE without a companion",
                            Stream.concat(Arrays.stream(org.bordercustody.family.Relationship.values()).map(Enum::name),
                                    Stream.of(org.bordercustody.family.FamilyFacts.NO_COMPANION)).toList())),
            java.util.Map.entry("family-status.dmn caresForAccompaniedChild",
                    Source.computedFlag("the apprehension's companions (an adult a child is accompanied by)")),
            java.util.Map.entry("family-status.dmn familyRelationshipVerified",
                    Source.formCheckbox("familyRelationshipVerified")),
            java.util.Map.entry("family-unit-placement.dmn classification",
                    Source.computed("the family status decision (Classification)", CLASSIFICATIONS)),
            java.util.Map.entry("family-unit-placement.dmn youngestChildAge != null and youngestChildAge &lt;= tenderAgeThreshold",
                    Source.computedFlag("the ages of the family's children")),
            java.util.Map.entry("family-unit-placement.dmn familyMedicallyVulnerable",
                    Source.computedFlag("the family's medicalScreening answers")),
            java.util.Map.entry("family-unit-placement.dmn familySize",
                    Source.computedNumber("the number of the family's cases")),
            java.util.Map.entry("family-unit-placement.dmn adultsRecordsCheck", Source.formChoice("recordsCheckResult")),
            java.util.Map.entry("release-eligibility.dmn classification",
                    Source.computed("the family status decision (Classification)", CLASSIFICATIONS)),
            java.util.Map.entry("release-eligibility.dmn processingPathway", Source.formChoice("processingPathway")),
            java.util.Map.entry("release-eligibility.dmn adultsRecordsCheck", Source.formChoice("recordsCheckResult")),
            java.util.Map.entry("release-eligibility.dmn flightRisk", Source.formChoice("flightRisk")),
            java.util.Map.entry("release-eligibility.dmn familyMedicallyVulnerable",
                    Source.computedFlag("the family's medicalScreening answers")),
            java.util.Map.entry("release-eligibility.dmn detentionBedsAvailable",
                    Source.computedFlag("the release policy's ICE detention beds setting")),
            // No form asks this: CustodyOutcomes.releaseFactsOf finds a missed check-in among earlier encounters.
            java.util.Map.entry("release-eligibility.dmn missedEarlierCheckIn",
                    Source.computedFlag("the missed check-ins of the person's (and family adults') earlier encounters")));

    @Test
    void everyValueADecisionTableTestsIsOneItsInputsSourceCanGive() throws IOException {
        List<String> unknown = new ArrayList<>();
        Set<String> compared = new TreeSet<>();
        Set<String> inputsOfTables = new TreeSet<>();
        try (Stream<Path> tables = Files.list(Path.of("dmn"))) {
            for (Path table : tables.toList()) {
                String dmn = Files.readString(table);
                List<String> inputs = matches(dmn, "<inputExpression[^>]*>\\s*<text>([^<]*)</text>");
                inputs.forEach(input -> inputsOfTables.add(table.getFileName() + " " + input));
                for (String rule : matches(dmn, "<rule id=\"[^\"]+\">(.*?)</rule>")) {
                    List<String> entries = matches(rule, "<inputEntry id=\"[^\"]+\">\\s*<text>([^<]*)</text>");
                    assertThat(entries).as(table + " entries of a rule").hasSameSizeAs(inputs);
                    for (int column = 0; column < inputs.size(); column++) {
                        String input = table.getFileName() + " " + inputs.get(column);
                        Source source = SOURCES.get(input);
                        if (source == null) {
                            unknown.add(input + ": no source named");
                            continue;
                        }
                        for (String token : tokens(entries.get(column))) {
                            if (!source.can().test(token)) {
                                unknown.add(input + " = " + token + ", which " + source.from() + " cannot give");
                            }
                        }
                        compared.add(input);
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(compared).as("inputs compared with their source").isEqualTo(inputsOfTables)
                .hasSize(SOURCES.size());
    }

    /** The values of an input entry: "-" or empty has none; not(...) and lists are taken apart. */
    private static List<String> tokens(String entry) {
        String text = entry.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").strip();
        if (text.isEmpty() || text.equals("-")) {
            return List.of();
        }
        if (text.startsWith("not(") && text.endsWith(")")) {
            text = text.substring(4, text.length() - 1);
        }
        return Arrays.stream(text.split(",")).map(String::strip).toList();
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
