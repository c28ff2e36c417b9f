package org.bordercustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Collectors;

/** Works tasks through Camunda's REST API the way Tasklist does, as a given user. */
public final class TasklistClient {

    private final ApiClient user;
    private final String completion;

    public TasklistClient(ApiClient user) {
        this(user, "/complete");
    }

    private TasklistClient(ApiClient user, String completion) {
        this.user = user;
        this.completion = completion;
    }

    /** The same user completing tasks as Tasklist does with a task's form: POST /engine-rest/task/{id}/submit-form. */
    public TasklistClient submittingForms() {
        return new TasklistClient(user, "/submit-form");
    }

    public String taskId(String caseNumber, String taskDefinitionKey) {
        JsonNode tasks = user.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + taskDefinitionKey).json();
        assertThat(tasks).as("open %s of %s", taskDefinitionKey, caseNumber).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /**
     * Completes the case's task. An intake whose form asks "Same person as ...?" (the fixtures' people share names and
     * dates of birth across tests) is answered "another person" unless the answers say otherwise, as the agent would
     * who checked.
     */
    public ApiClient.Response complete(String caseNumber, String taskDefinitionKey, Map<String, Object> variables) {
        String taskId = taskId(caseNumber, taskDefinitionKey);
        if ("Task_RecordIntake".equals(taskDefinitionKey) && !variables.containsKey("samePersonAsEarlier")
                && asksIfSamePerson(taskId)) {
            Map<String, Object> answered = new java.util.HashMap<>(variables);
            answered.put("samePersonAsEarlier", "ANOTHER_PERSON");
            return completeTask(taskId, answered);
        }
        return completeTask(taskId, variables);
    }

    public ApiClient.Response completeTask(String taskId, Map<String, Object> variables) {
        String body = variables.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\": {\"value\": " + json(entry.getValue()) + "}")
                .collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
        return user.post("/engine-rest/task/" + taskId + completion, body);
    }

    /** Records an intake (answering "Same person as ...?" as {@link #complete} does). */
    public void completeIntake(String caseNumber, boolean relationshipVerified) {
        completeIntake(caseNumber, relationshipVerified, Map.of());
    }

    /** The same, with further answers (identifiers captured, the answer to "Same person as ...?"). */
    public void completeIntake(String caseNumber, boolean relationshipVerified, Map<String, Object> further) {
        Map<String, Object> answers = new java.util.HashMap<>(Map.of(
                "biometricsStatus", "CAPTURED", "recordsCheckResult", "CLEAR", "medicalScreening", "NO_CONCERNS",
                "processingPathway", "NTA_OR", "flightRisk", "LOW", "familyRelationshipVerified", relationshipVerified));
        answers.putAll(further);
        ApiClient.Response response = complete(caseNumber, "Task_RecordIntake", answers);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    /** Whether the task's form asks "Same person as ...?". */
    public boolean asksIfSamePerson(String taskId) {
        return user.get("/engine-rest/task/" + taskId + "/form-variables").json().has("probableMatch");
    }

    private static String json(Object value) {
        return value instanceof String text ? "\"" + text.replace("\"", "\\\"") + "\"" : String.valueOf(value);
    }
}
