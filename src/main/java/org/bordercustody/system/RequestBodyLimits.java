package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's body into memory up to a limit, whether it came with a Content-Length or chunked, and refuses
 * it with 413 past the limit. For the case API it also insists on JSON in UTF-8 (415 otherwise): a body in
 * UTF-16 or UTF-32, which a JSON parser would otherwise detect and accept, or a charset other than UTF-8.
 */
class RequestBodyLimits extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;
    private final int maxBytes;
    private final boolean utf8JsonOnly;

    RequestBodyLimits(ObjectMapper objectMapper, int maxBytes, boolean utf8JsonOnly) {
        this.objectMapper = objectMapper;
        this.maxBytes = maxBytes;
        this.utf8JsonOnly = utf8JsonOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean changes = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod()));
        // A change to the case API is JSON even when empty: what a form of another site can send is never taken.
        if (utf8JsonOnly && changes && !isUtf8Json(request.getContentType())) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be application/json in UTF-8, not " + request.getContentType());
            return;
        }
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (utf8JsonOnly && !isUtf8Json(request.getContentType())) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be application/json in UTF-8, not " + request.getContentType());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBytes / 1024 + " KiB");
            return;
        }
        if (utf8JsonOnly && !isUtf8(body)) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the request body must be JSON encoded in UTF-8");
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
            return json && !type.isWildcardSubtype()
                    && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException e) { // also InvalidMediaTypeException and unknown charsets
            return false;
        }
    }

    /** Strict UTF-8 without NUL bytes: UTF-16 and UTF-32 text always has them, UTF-8 JSON never does. */
    private static boolean isUtf8(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemResponses.write(objectMapper, response, status, detail);
    }
}
