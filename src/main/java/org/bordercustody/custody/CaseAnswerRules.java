package org.bordercustody.custody;

import java.util.Set;
import java.util.function.Function;

/**
 * A rule on a task's answers that needs what the case tables hold (who the person is, who is with them), run with
 * every completion of the task, whoever sends it (Tasklist, the engine's REST API, a use case), before the task
 * completes: a refusal ({@link org.bordercustody.system.InvalidRequestException}) stops the completion with nothing of
 * it recorded, and the engine answers 400 naming the field.
 */
public interface CaseAnswerRules {

    /** The tasks (definition keys) whose answers this rule checks. */
    Set<String> taskDefinitionKeys();

    /** Refuses the answers of the case's task; {@code answers} reads an answer, or the process's value when not sent. */
    void check(String caseNumber, Function<String, Object> answers);
}
