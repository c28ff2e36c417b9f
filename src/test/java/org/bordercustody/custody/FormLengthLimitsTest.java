package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bordercustody.release.AddressRules;
import org.junit.jupiter.api.Test;

/**
 * Tasklist enforces a text field's length as one types (Camunda Forms' maxLength, "Field must have maximum length of
 * N."): every text field a person types into has one, the server refuses one character more and takes the limit,
 * and the address fields' limit is the address rules' (the release address table's columns).
 */
class FormLengthLimitsTest {

    @Test
    void everyTextFieldHasTheLengthLimitTheServerEnforces() throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = new ObjectMapper().readTree(file.toFile());
                TaskForms.Form served = TaskForms.deployed().byId(form.get("id").asText()).orElseThrow();
                for (JsonNode field : form.findParents("key")) {
                    boolean typed = Stream.of("textfield", "textarea").anyMatch(field.path("type").asText()::equals)
                            && !field.path("disabled").asBoolean(false) && !field.path("readonly").asBoolean(false);
                    if (!typed) {
                        continue;
                    }
                    checked++;
                    String key = field.get("key").asText();
                    String where = file.getFileName() + " " + key;
                    int limit = field.path("validate").path("maxLength").asInt(-1);
                    TaskForms.Field server = served.fields().get(key);
                    if (limit <= 0 || limit > TaskForms.LONGEST_ANSWER) {
                        wrong.put(where, "no length limit as one types: " + limit);
                    } else if (server.problem("x".repeat(limit + 1)) == null
                            || !server.problem("x".repeat(limit + 1)).equals("must be at most " + limit + " characters")) {
                        wrong.put(where, "the server does not refuse " + (limit + 1) + " characters");
                    } else if (AddressRules.MAX_LENGTHS.containsKey(key) && AddressRules.MAX_LENGTHS.get(key) != limit) {
                        wrong.put(where, limit + " but the address rules keep " + AddressRules.MAX_LENGTHS.get(key));
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }
}
