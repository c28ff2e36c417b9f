package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** The case API takes bodies of at most 1 MiB: an apprehension of 99 people is far smaller. */
class ApiRequestLimits extends OncePerRequestFilter {

    static final long MAX_BODY = 1024 * 1024;

    private final ObjectMapper objectMapper;

    ApiRequestLimits(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            ProblemResponses.write(objectMapper, response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "the request body is larger than 1 MiB");
            return;
        }
        chain.doFilter(request, response);
    }
}
