package org.bordercustody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for tests that call the running application as partner systems and browsers do. */
public final class ApiClient {

    public record Response(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public static ApiClient as(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://localhost:" + port, "Basic " + token);
    }

    /** A caller signed in by an OpenID Connect access token (custody.sign-in=oidc). */
    public static ApiClient withToken(int port, String accessToken) {
        return new ApiClient("http://localhost:" + port, "Bearer " + accessToken);
    }

    /** A demo user, whose password is the user id. */
    public static ApiClient as(int port, String user) {
        return as(port, user, user);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postText(String path, String text) {
        return send(request(path).header("Content-Type", "text/plain").POST(BodyPublishers.ofString(text)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    public Response postMultipart(String path, String body, String boundary) {
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body)));
    }

    public Response postForm(String path, String form, String csrfToken) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form));
        if (csrfToken != null) {
            builder.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(builder);
    }

    /** Logs into a Camunda web app the way its login page does: fetch the page for the CSRF cookie, then post. */
    public Response webappLogin(String app, String user, String password) {
        get("/camunda/app/" + app + "/default/");
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
        return postForm("/camunda/api/admin/auth/user/default/login/" + app,
                "username=" + user + "&password=" + password, token);
    }

    /**
     * Any request, as an attacker would send it: any method and headers, the body as raw bytes, sent chunked
     * (without a Content-Length) when asked.
     */
    public Response send(String method, String path, String contentType, byte[] body, boolean chunked,
            java.util.Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher;
        if (body == null) {
            publisher = BodyPublishers.noBody();
        } else if (chunked) {
            publisher = BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        } else {
            publisher = BodyPublishers.ofByteArray(body);
        }
        HttpRequest.Builder builder = request(path).method(method, publisher);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        return send(builder);
    }

    /** The CSRF token of a logged-in web app session, for the session's own API calls. */
    public String webappCsrfToken() {
        return send(request("/camunda/api/engine/engine/").header("X-XSRF-TOKEN", "Fetch").GET())
                .headers().getOrDefault("x-xsrf-token", java.util.List.of("")).get(0);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
