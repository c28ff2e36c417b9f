package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refused answer reads in the form's words: labels, every problem, no engine prefix and no task id. */
class TaskCompletionConflictsTest {

    @Test
    void theEnginesPrefixAndTheFieldKeysGiveWayToTheLabels() {
        String refused = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 5496e041-ea16-11f1: "
                + "addressState (State (two letters)): 'XX' is not a U.S. state; addressZip (ZIP code (5 or 9 digits)):"
                + " is required\",\"code\":null}";

        String worded = TaskCompletionConflicts.inWords(refused);

        assertThat(worded).contains("\"message\":\"State (two letters): 'XX' is not a U.S. state;"
                + " ZIP code (5 or 9 digits): is required\"").doesNotContain("5496e041")
                .contains("\"problems\":[{\"field\":\"addressState\",\"label\":\"State (two letters)\","
                        + "\"message\":\"'XX' is not a U.S. state\"},{\"field\":\"addressZip\","
                        + "\"label\":\"ZIP code (5 or 9 digits)\",\"message\":\"is required\"}]");
        assertThat(worded.substring(0, worded.indexOf("\"problems\""))).as("what a person reads names no key")
                .doesNotContain("addressState").doesNotContain("addressZip");
    }

    @Test
    void aMessageWithoutLabelsAndABodyThatIsNotJsonStayAsTheyAre() {
        String unknownField = "{\"message\":\"personName: is not a field of this task's form\"}";
        assertThat(TaskCompletionConflicts.inWords(unknownField)).contains("personName: is not a field");
        assertThat(TaskCompletionConflicts.inWords("not json")).isEqualTo("not json");
    }

    @Test
    void eachProblemReadsTheWordsOfItsFieldsCodes() {
        String refused = "{\"message\":\"Cannot complete task 5496e041: flightRisk (Flight risk): must be one of LOW,"
                + " HIGH; overrideReason (Reason for the override): is required\"}";
        RefusalWords words = (field, message) -> field.equals("flightRisk")
                ? message.replace("LOW", "Low").replace("HIGH", "High") : message;

        String worded = TaskCompletionConflicts.inWords(refused, words);

        assertThat(worded).contains("\"message\":\"Flight risk: must be one of Low, High;"
                + " Reason for the override: is required\"")
                .contains("{\"field\":\"flightRisk\",\"label\":\"Flight risk\",\"message\":\"must be one of Low, High\"}")
                .doesNotContain("LOW");
    }
}
