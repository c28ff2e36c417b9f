package org.bordercustody.custody;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bordercustody.system.RefusalWords;
import org.springframework.stereotype.Component;

/**
 * A refusal of a choice field read by a person names the choices as the form shows them: "Outcome instead: must be
 * one of Expedited removal; Release: Notice to Report; ..." where the engine and its API say the codes.
 */
@Component
class ChoiceWordsInRefusals implements RefusalWords {

    private static final Pattern ONE_OF = Pattern.compile("(.*must be one of:? )(.+)");

    private final TaskForms forms;

    ChoiceWordsInRefusals(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public String inWords(String field, String message) {
        Map<String, String> choices = forms.choicesWithWords(field);
        if (choices.isEmpty()) {
            return message;
        }
        Matcher list = ONE_OF.matcher(message);
        if (list.matches()) {
            // choices' words may hold commas: the list reads with semicolons
            return list.group(1).replaceFirst("one of:? $", "one of: ") + String.join("; ", Arrays.stream(list.group(2).split(",\\s*"))
                    .map(code -> choices.getOrDefault(code, code)).toList());
        }
        String worded = message;
        for (String code : choices.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            worded = Pattern.compile("(?<![\\w'])" + Pattern.quote(code) + "(?![\\w'])").matcher(worded)
                    .replaceAll(Matcher.quoteReplacement(choices.get(code)));
        }
        return worded;
    }
}
