package org.bordercustody.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * and partner systems reload the task. An error on a task that still exists is left as it is.
 */
class TaskCompletionConflicts extends OncePerRequestFilter {

    private static final Pattern TASK_ACTIONS = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve|claim)");
    /** Camunda's error code for optimistic locking, and its message for a task that no longer exists. */
    private static final Pattern LOST_RACE = Pattern.compile("\"code\":1[,}]|Cannot find task with id");

    private final Predicate<String> taskExists;

    TaskCompletionConflicts(Predicate<String> taskExists) {
        this.taskExists = taskExists;
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
        }
        buffered.copyBodyToResponse();
    }

    private static String taskId(HttpServletRequest request) {
        Matcher matcher = TASK_ACTIONS.matcher(request.getRequestURI());
        return matcher.matches() ? matcher.group(1) : "";
    }
}
