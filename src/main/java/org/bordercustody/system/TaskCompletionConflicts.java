package org.bordercustody.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people completing one task at once: the engine keeps one completion and rolls the others back, but its
 * REST API answers them 500, 403 or 400, depending on how far each got before it lost. They are conflicts, not
 * failures: when the task is gone, or the engine reports optimistic locking, this answers 409 so that Tasklist
 * and partner systems reload the task. A refused answer (400) to Tasklist is told in the form's words: every
 * problem at once, each named by its field's label ("Flight risk: must be one of ..."), without the engine's prefix
 * and task id, and each also as {@code problems: [{field, label, message}]} for Tasklist to show under its field
 * (custody-forms.js); API clients keep the field keys.
 */
class TaskCompletionConflicts extends OncePerRequestFilter {

    private static final Pattern TASK_ACTIONS = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve|claim)");
    /** Camunda's error code for optimistic locking, and its message for a task that no longer exists. */
    private static final Pattern LOST_RACE = Pattern.compile("\"code\":1[,}]|Cannot find task with id");

    private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot (submit task form|complete task|resolve task) [^:]+: ");
    /** "flightRisk (Flight risk): ..." at the start of each problem; labels may hold parentheses themselves. */
    private static final Pattern KEY_AND_LABEL = Pattern.compile("(^|; )([a-zA-Z]\\w*) \\((.+?)\\): ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Predicate<String> taskExists;
    private final RefusalWords refusalWords;

    TaskCompletionConflicts(Predicate<String> taskExists, RefusalWords refusalWords) {
        this.taskExists = taskExists;
        this.refusalWords = refusalWords;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TASK_ACTIONS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        String body = new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8);
        boolean failed = buffered.getStatus() >= HttpServletResponse.SC_BAD_REQUEST;
        boolean lostRace = failed && (LOST_RACE.matcher(body).find() || !taskExists.test(taskId(request)));
        if (lostRace) {
            buffered.resetBuffer();
            buffered.setStatus(HttpServletResponse.SC_CONFLICT);
            buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
            buffered.getWriter().write("{\"type\":\"TaskConflict\",\"message\":\"The task was completed or changed by"
                    + " someone else at the same moment; nothing of this request was saved. Reload the task.\"}");
            buffered.getWriter().flush();
        } else if (buffered.getStatus() == HttpServletResponse.SC_BAD_REQUEST
                && request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
            // Tasklist shows this message to a person; API clients keep the field keys they send.
            String worded = inWords(body, refusalWords);
            if (!worded.equals(body)) {
                buffered.resetBuffer();
                buffered.getWriter().write(worded);
                buffered.getWriter().flush();
            }
        }
        buffered.copyBodyToResponse();
    }

    /** The refusal's message without "Cannot submit task form {id}: " and with labels instead of field keys. */
    static String inWords(String body) {
        return inWords(body, RefusalWords.NONE);
    }

    /** The same, with the words of each field's codes (a choice's label instead of its code). */
    static String inWords(String body, RefusalWords refusalWords) {
        try {
            JsonNode error = JSON.readTree(body);
            if (!(error instanceof ObjectNode object) || !error.path("message").isTextual()) {
                return body;
            }
            String message = ENGINE_PREFIX.matcher(error.get("message").asText()).replaceFirst("");
            ArrayNode problems = object.putArray("problems");
            List<String> shown = new ArrayList<>();
            Matcher field = KEY_AND_LABEL.matcher(message);
            if (field.find()) {
                String key = field.group(2);
                String label = field.group(3);
                int from = field.end();
                boolean more;
                do {
                    more = field.find();
                    String problem = refusalWords.inWords(key, message.substring(from, more ? field.start() : message.length()));
                    problems.addObject().put("field", key).put("label", label).put("message", problem);
                    shown.add(label + ": " + problem);
                    if (more) {
                        key = field.group(2);
                        label = field.group(3);
                        from = field.end();
                    }
                } while (more);
                // what precedes the first field's key stays as the engine wrote it
                int first = KEY_AND_LABEL.matcher(message).results().findFirst().orElseThrow().start();
                object.put("message", message.substring(0, first) + String.join("; ", shown));
            } else {
                object.put("message", message);
            }
            return JSON.writeValueAsString(object);
        } catch (IOException notJson) {
            return body;
        }
    }

    private static String taskId(HttpServletRequest request) {
        Matcher matcher = TASK_ACTIONS.matcher(request.getRequestURI());
        return matcher.matches() ? matcher.group(1) : "";
    }
}
