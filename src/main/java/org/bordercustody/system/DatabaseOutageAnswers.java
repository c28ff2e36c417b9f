package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A call that fails because the database cannot be reached answers 503 with Retry-After and a problem document, on
 * every path: a failure that reaches this filter (the case API, the authentication filters), and Camunda's own 500
 * answer of /engine-rest and /camunda/api when an engine command failed for that reason ({@link #noticed}). Other
 * answers pass unchanged.
 */
public class DatabaseOutageAnswers extends OncePerRequestFilter {

    static final String DETAIL = "The database is not reachable; nothing was recorded. Try again shortly.";
    private static final String NOTICED = DatabaseOutageAnswers.class.getName() + ".noticed";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswers.class);

    private final ObjectMapper objectMapper;
    private final Duration retryAfter;

    public DatabaseOutageAnswers(ObjectMapper objectMapper, Duration retryAfter) {
        this.objectMapper = objectMapper;
        this.retryAfter = retryAfter;
    }

    /** Marks the current call as failed for the database's outage, for Camunda's REST APIs that answer 500 for it. */
    static void noticed() {
        RequestAttributes call = RequestContextHolder.getRequestAttributes();
        if (call != null) {
            call.setAttribute(NOTICED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean engineApi = engineApi(request);
        ContentCachingResponseWrapper held = engineApi ? new ContentCachingResponseWrapper(response) : null;
        try {
            chain.doFilter(request, engineApi ? held : response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            answer(request, response);
            return;
        }
        if (engineApi) {
            if (held.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value() && request.getAttribute(NOTICED) != null
                    && !response.isCommitted()) {
                answer(request, response);
            } else {
                held.copyBodyToResponse();
            }
        }
    }

    /** The answer to a call the database's outage failed, also for authentication entry points. */
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("{} {} answered 503: the database is not reachable", request.getMethod(), request.getRequestURI());
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        ProblemResponses.write(objectMapper, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    }

    private static boolean engineApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    }
}
