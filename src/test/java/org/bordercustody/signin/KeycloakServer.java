package org.bordercustody.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (Maven Central's keycloak-quarkus-dist, unpacked into target/ by the build) with the realm of
 * ops/keycloak, started once per JVM on free ports in dev mode, its data under target/. Keycloak needs Java 21 or
 * newer: the JDK named by the system property or environment variable {@code keycloak.java.home} /
 * {@code KEYCLOAK_JAVA_HOME}, this JVM if it is new enough, or the newest JDK 21+ under /usr/lib/jvm.
 */
public final class KeycloakServer {

    public static final String REALM = "border-custody";
    public static final String WEB_CLIENT = "border-custody-web";
    public static final String WEB_SECRET = "demo-web-secret-change-me";
    public static final String AUDIENCE = "border-custody";
    static final Path REALM_EXPORT = Path.of("ops", "keycloak", "border-custody-realm.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer started;
    private static String unavailable;

    private final int port;
    private final Process process;
    public final Duration startTime;
    private final HttpClient http = HttpClient.newHttpClient();

    private KeycloakServer(int port, Process process, Duration startTime) {
        this.port = port;
        this.process = process;
        this.startTime = startTime;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    public static synchronized Optional<String> unavailable() {
        if (started != null) {
            return Optional.empty();
        }
        if (unavailable == null) {
            unavailable = home().isEmpty() ? "Keycloak tests skipped: no Keycloak unpacked in target/ (run ./mvnw"
                    + " process-test-resources, which unpacks org.keycloak:keycloak-quarkus-dist)"
                    : javaHome().isEmpty() ? "Keycloak tests skipped: Keycloak needs Java 21 or newer; set"
                    + " -Dkeycloak.java.home or KEYCLOAK_JAVA_HOME, or install one under /usr/lib/jvm" : "";
            if (!unavailable.isEmpty()) {
                // Said once in the build's log as well: a skipped class shows no reason in Surefire's summary.
                System.err.println(unavailable);
            }
        }
        return unavailable.isEmpty() ? Optional.empty() : Optional.of(unavailable);
    }

    /** The one Keycloak of this JVM, started at the first call. */
    public static synchronized KeycloakServer shared() {
        if (started == null) {
            started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return started;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private static KeycloakServer start() {
        Path home = home().orElseThrow();
        Path jdk = javaHome().orElseThrow();
        try {
            Path data = home.resolve("data");
            deleteTree(data.resolve("h2"));
            Files.createDirectories(data.resolve("import"));
            Files.copy(REALM_EXPORT, data.resolve("import").resolve(REALM_EXPORT.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-port=" + port, "--http-management-port=" + freePort(),
                    "--log-level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(home.getParent().resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", jdk.toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            long begin = System.nanoTime();
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(port, process, Duration.ZERO);
            server.awaitRealm(process, Duration.ofSeconds(180));
            return new KeycloakServer(port, process, Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Process process, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped at start-up: see target/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.destroy();
        throw new IllegalStateException("Keycloak did not start within " + limit + ": see target/keycloak.log");
    }

    private void stop() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    // --- tokens -------------------------------------------------------------------------------------------------

    /** A partner system's access token: the client-credentials grant with its client id and secret. */
    public String clientCredentialsToken(String clientId, String secret) {
        JsonNode token = postForm(issuer() + "/protocol/openid-connect/token", Map.of("grant_type",
                "client_credentials", "client_id", clientId, "client_secret", secret), null);
        return token.get("access_token").asText();
    }

    /**
     * A person's access token, got as the web apps get it: the authorization code flow with PKCE through Keycloak's
     * login page (read by a plain HTTP client), the code exchanged by the web apps' client.
     */
    public String personToken(String user, String password, String redirectUri) {
        try {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(issuer()
                    + "/protocol/openid-connect/auth?" + form(Map.of("client_id", WEB_CLIENT, "response_type", "code",
                    "scope", "openid", "redirect_uri", redirectUri, "state", "test", "code_challenge", challenge,
                    "code_challenge_method", "S256")))).build(), HttpResponse.BodyHandlers.ofString());
            // Keycloak's cookies are Secure: a browser sends them to localhost over HTTP, Java's cookie store does not.
            String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .collect(Collectors.joining("; "));
            Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
            if (!action.find()) {
                throw new IllegalStateException("no login form: " + page.body());
            }
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(action.group(1)
                            .replace("&amp;", "&")))
                    .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("not signed in: " + signedIn.statusCode()));
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            if (!code.find()) {
                throw new IllegalStateException("no code in " + location);
            }
            JsonNode token = postForm(issuer() + "/protocol/openid-connect/token", Map.of("grant_type",
                    "authorization_code", "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                    "redirect_uri", redirectUri, "client_id", WEB_CLIENT, "client_secret", WEB_SECRET,
                    "code_verifier", verifier), null);
            return token.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the admin API ------------------------------------------------------------------------------------------

    public JsonNode admin(String method, String path, String body) {
        String token = postForm(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null)
                .get("access_token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body().isEmpty() ? "null" : response.body());
    }

    public String userId(String username) {
        return admin("GET", "/users?exact=true&username=" + username, null).get(0).get("id").asText();
    }

    /** The person's sessions at Keycloak. */
    public JsonNode sessionsOf(String username) {
        return admin("GET", "/users/" + userId(username) + "/sessions", null);
    }

    public void setEnabled(String username, boolean enabled) {
        admin("PUT", "/users/" + userId(username), "{\"enabled\": " + enabled + "}");
    }

    /** Lets the web apps' client send people back to an application on this address as well. */
    public void allowRedirectsTo(String baseUrl) {
        JsonNode client = admin("GET", "/clients?clientId=" + WEB_CLIENT, null).get(0);
        var updated = (com.fasterxml.jackson.databind.node.ObjectNode) client;
        var uris = (com.fasterxml.jackson.databind.node.ArrayNode) updated.get("redirectUris");
        uris.add(baseUrl + "/login/oauth2/code/oidc");
        admin("PUT", "/clients/" + client.get("id").asText(), updated.toString());
    }

    // --- plumbing -----------------------------------------------------------------------------------------------

    private JsonNode postForm(String url, Map<String, String> fields, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Optional<Path> home() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak-26.5.6"));
        return Files.isExecutable(home.resolve("bin").resolve("kc.sh")) ? Optional.of(home.toAbsolutePath())
                : Optional.empty();
    }

    static Optional<Path> javaHome() {
        String named = System.getProperty("keycloak.java.home", System.getenv("KEYCLOAK_JAVA_HOME"));
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(KeycloakServer::isJava21OrNewer);
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(KeycloakServer::isJava21OrNewer)
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion));
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    private static boolean isJava21OrNewer(Path jdk) {
        return Files.isExecutable(jdk.resolve("bin").resolve("java")) && featureVersion(jdk) >= 21;
    }

    /** The feature version in the JDK's release file (JAVA_VERSION="25.0.1"), 0 when unreadable. */
    private static int featureVersion(Path jdk) {
        try (var reader = Files.newBufferedReader(jdk.resolve("release"))) {
            Properties release = new Properties();
            release.load(reader);
            String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
