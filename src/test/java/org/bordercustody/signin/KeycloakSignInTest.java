package org.bordercustody.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.servlet.Filter;
import java.util.concurrent.atomic.AtomicReference;
import org.bordercustody.ApiClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Bearer tokens of a real Keycloak on the case API and /engine-rest ({@code custody.sign-in=oidc}): a partner system's
 * client-credentials token reads its feed, a person's token works as that person; an expired token, one of another
 * issuer or audience, one signed with another key, an unsigned one, one whose sector was edited and one of a person
 * disabled since are each answered 401, and nothing they ask for changes anything.
 * <p>
 * The forged tokens whose claims are wrong are signed with a key Keycloak publishes (added to the realm for this test),
 * so that each is refused for its claim alone: the same key and right claims are accepted.
 */
@CustodyApplicationTest
@TestPropertySource(properties = {"custody.sign-in=oidc", "custody.oidc.audience=" + KeycloakServer.AUDIENCE,
        "custody.oidc.client-id=" + KeycloakServer.WEB_CLIENT, "custody.oidc.client-secret=" + KeycloakServer.WEB_SECRET,
        "custody.oidc.accounts.client-id=border-custody-accounts",
        "custody.oidc.accounts.client-secret=demo-accounts-secret-change-me", "custody.oidc.accounts.refresh-interval=1s"})
@Import(KeycloakSignInTest.EngineAuthentications.class)
class KeycloakSignInTest {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/oidc";
    /** A key of the realm: Keycloak publishes it beside its own (and signs with its own, of higher priority). */
    private static RSAKey realmKey;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startKeycloak() throws Exception {
        assumeTrue(KeycloakServer.unavailable().isEmpty(), KeycloakServer.unavailable().orElse(""));
        KeycloakServer keycloak = KeycloakServer.shared();
        System.out.println("Keycloak started in " + keycloak.startTime.toMillis() + " ms");
        if (realmKey == null) {
            realmKey = addRealmKey(keycloak);
        }
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add("custody.oidc.issuer-uri", () -> KeycloakServer.unavailable().isEmpty()
                ? KeycloakServer.shared().issuer() : "http://localhost:1/realms/unavailable");
    }

    @Test
    void aPartnerSystemSignsInWithClientCredentialsAndReadsItsFeed() {
        String token = keycloak().clientCredentialsToken("ice-system", "demo-ice-secret-change-me");

        ApiClient.Response feed = ApiClient.withToken(port, token).get("/api/events");

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.json().has("events")).isTrue();
        assertThat(ApiClient.withToken(port, token).get("/api/cases").status())
                .as("a partner system reads no case list: its groups come from the token").isEqualTo(403);
        assertThat(ApiClient.as(port, "ice-system").get("/api/events").status())
                .as("no password signs anyone in").isEqualTo(401);
    }

    @Test
    void aPersonsTokenCarriesTheirUserIdGroupsAndSectorsToTheEngine() {
        String token = keycloak().personToken("ice-officer", "ice-officer", REDIRECT);

        ApiClient.Response tasks = ApiClient.withToken(port, token).get("/engine-rest/task?maxResults=1");

        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        Authentication engineSaw = EngineAuthentications.LAST.get();
        assertThat(engineSaw.getUserId()).isEqualTo("ice-officer");
        assertThat(engineSaw.getGroupIds()).containsExactly("ice-ero-officer");
        assertThat(engineSaw.getTenantIds()).as("the sectors of the token, the engine's tenants")
                .containsExactlyInAnyOrder("SDC", "ELC", "YUM", "TCA", "EPT", "BBT", "DRT", "LRT", "RGV");
    }

    @Test
    void anAgentsTokenGivesTheEngineTheAgentsOneSector() {
        String token = keycloak().personToken("agent-rgv", "agent-rgv", REDIRECT);

        assertThat(ApiClient.withToken(port, token).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
        Authentication engineSaw = EngineAuthentications.LAST.get();
        assertThat(engineSaw.getUserId()).isEqualTo("agent-rgv");
        assertThat(engineSaw.getGroupIds()).containsExactly("border-patrol-agent");
        assertThat(engineSaw.getTenantIds()).containsExactly("RGV");
    }

    /** What the engine's identity service holds while it answers an /engine-rest call. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EngineAuthentications {

        static final AtomicReference<Authentication> LAST = new AtomicReference<>();

        @Bean
        FilterRegistrationBean<Filter> engineAuthenticationRecorder(IdentityService identityService) {
            var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> {
                LAST.set(identityService.getCurrentAuthentication());
                chain.doFilter(request, response);
            });
            registration.addUrlPatterns("/engine-rest/*");
            // After Camunda's authentication filter (order 10) and before it clears the authentication again.
            registration.setOrder(15);
            return registration;
        }
    }

    @Test
    void aTokenSignedWithTheRealmsKeyAndRightClaimsIsAccepted() {
        ApiClient.Response recorded = ApiClient.withToken(port, signed(agentClaims().build()))
                .post("/api/apprehensions", ApprehensionFixtures.singleAdult("KCA0001"));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(ApiClient.withToken(port, signed(partnerClaims().build())).get("/api/events").status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedAndChangesNothing() {
        Instant issued = Instant.now().minusSeconds(3600);
        refusedAndNothingChanged(signed(agentClaims().issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(300))).build()), "KCX0001");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAndChangesNothing() {
        refusedAndNothingChanged(signed(agentClaims().issuer("http://localhost:1/realms/" + KeycloakServer.REALM)
                .build()), "KCX0002");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAndChangesNothing() {
        refusedAndNothingChanged(signed(agentClaims().audience("another-application").build()), "KCX0003");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedAndChangesNothing() throws Exception {
        RSAKey another = new RSAKeyGenerator(2048).keyID(realmKey.getKeyID()).generate();
        refusedAndNothingChanged(signed(another, agentClaims().build()), "KCX0004");
    }

    @Test
    void anUnsignedTokenIsRefusedAndChangesNothing() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String unsigned = header + "." + Base64URL.encode(agentClaims().build().toString()) + ".";
        refusedAndNothingChanged(unsigned, "KCX0005");
    }

    @Test
    void aKeycloakTokenWhoseSectorWasEditedIsRefusedAndChangesNothing() throws Exception {
        String token = keycloak().personToken("agent", "agent", REDIRECT);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"sectors\":[\"SDC\"]");
        String edited = payload.replace("\"sectors\":[\"SDC\"]",
                "\"sectors\":[\"SDC\",\"ELC\",\"YUM\",\"TCA\",\"EPT\",\"BBT\",\"DRT\",\"LRT\",\"RGV\"]");
        String forged = parts[0] + "." + Base64URL.encode(edited) + "." + parts[2];
        assertThat(ApiClient.withToken(port, token).get("/api/facilities").status()).as("the token as issued")
                .isEqualTo(200);

        refusedAndNothingChanged(forged, "KCX0006");
    }

    @Test
    void theTokenOfAPersonDisabledSinceIsRefusedAndChangesNothing() throws Exception {
        String token = keycloak().personToken("supervisor-rgv", "supervisor-rgv", REDIRECT);
        assertThat(ApiClient.withToken(port, token).get("/api/facilities").status()).isEqualTo(200);
        keycloak().setEnabled("supervisor-rgv", false);
        try {
            awaitRefused(token);
            refusedAndNothingChanged(token, "KCX0007");
        } finally {
            keycloak().setEnabled("supervisor-rgv", true);
        }
    }

    @Test
    void aPersonDisabledAtKeycloakLosesTheirWebAppSessionAtTheNextRequest() throws Exception {
        String application = "http://localhost:" + port;
        keycloak().allowRedirectsTo(application);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        signInToTheWebApps(browser, application + "/camunda/app/tasklist/default/", "orr-liaison");
        assertThat(api(browser, application + "/camunda/api/admin/auth/user/default").body())
                .as("signed in to the web apps as the ID token's user").contains("\"userId\":\"orr-liaison\"");
        keycloak().setEnabled("orr-liaison", false);
        try {
            int status = 200;
            for (int i = 0; i < 50 && status == 200; i++) {
                Thread.sleep(200);
                status = api(browser, application + "/camunda/api/admin/auth/user/default").statusCode();
            }
            assertThat(status).as("the session ended").isEqualTo(401);
            assertThat(get(browser, application + "/camunda/app/tasklist/default/").headers().firstValue("Location"))
                    .as("sent to sign in again").hasValueSatisfying(to -> assertThat(to).endsWith("/oauth2/authorization/oidc"));
        } finally {
            keycloak().setEnabled("orr-liaison", true);
        }
    }

    @Test
    void aManagerSignedInToTheWebAppsOpensCockpitAndReadsTheCaseApiWithTheSessionButChangesNothingThroughIt()
            throws Exception {
        String application = "http://localhost:" + port;
        keycloak().allowRedirectsTo(application);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        signInToTheWebApps(browser, application + "/camunda/app/cockpit/default/", "manager");

        assertThat(api(browser, application + "/camunda/api/admin/auth/user/default").body())
                .contains("\"userId\":\"manager\"").contains("cockpit");
        assertThat(api(browser, application + "/api/facilities").statusCode()).as("a read with the session")
                .isEqualTo(200);
        long cases = jdbc.sql("SELECT COUNT(*) FROM custody_case").query(Long.class).single();
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(application
                        + "/api/apprehensions")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ApprehensionFixtures.singleAdult("KCS0001")))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a change with the session alone").isEqualTo(401);
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(application
                        + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("Camunda's password login").isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case").query(Long.class).single()).isEqualTo(cases);
    }

    /** The authorization code flow as a browser follows it: the application, Keycloak's login form, back. */
    private static void signInToTheWebApps(java.net.http.HttpClient browser, String page, String user)
            throws Exception {
        String application = page.substring(0, page.indexOf("/camunda/"));
        String location = page;
        String keycloakCookies = "";
        for (int hop = 0; hop < 10; hop++) {
            java.net.http.HttpResponse<String> response;
            if (location.startsWith(keycloak().issuer())) {
                response = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                // Keycloak's cookies are Secure: a browser sends them to localhost over HTTP, Java's cookie store does not.
                keycloakCookies = String.join("; ", response.headers().allValues("Set-Cookie").stream()
                        .map(cookie -> cookie.split(";", 2)[0]).toList());
                if (response.statusCode() == 200) {
                    java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"")
                            .matcher(response.body());
                    assertThat(action.find()).as("Keycloak's login form").isTrue();
                    response = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    action.group(1).replace("&amp;", "&")))
                            .header("Cookie", keycloakCookies)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                                    + user)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                }
            } else {
                response = get(browser, location);
            }
            if (response.statusCode() != 302) {
                assertThat(response.statusCode()).as(location).isEqualTo(200);
                return;
            }
            String next = response.headers().firstValue("Location").orElseThrow();
            location = next.startsWith("/") ? application + next : next;
        }
        throw new AssertionError("no sign-in after 10 redirects");
    }

    private static java.net.http.HttpResponse<String> api(java.net.http.HttpClient browser, String url)
            throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient browser, String url)
            throws Exception {
        // As a browser asks for a page: text/html (a request for data is answered 401, not sent to sign in).
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/html")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void awaitRefused(String token) throws InterruptedException {
        for (int i = 0; i < 50 && ApiClient.withToken(port, token).get("/api/facilities").status() != 401; i++) {
            Thread.sleep(200);
        }
    }

    /** 401 on every path, and no row, case or task changed: the apprehension, the task's work and the feed. */
    private void refusedAndNothingChanged(String token, String eventNumber) {
        ApiClient.withToken(port, signed(agentClaims().build())).post("/api/apprehensions",
                ApprehensionFixtures.singleAdult(eventNumber + "T"));
        String taskId = jdbc.sql("SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                + " WHERE e.BUSINESS_KEY_ = :key").param("key", eventNumber + "T-01").query(String.class).single();
        Map<String, Long> before = counts();
        ApiClient caller = ApiClient.withToken(port, token);

        assertThat(caller.post("/api/apprehensions", ApprehensionFixtures.singleAdult(eventNumber)).status())
                .as("recording an apprehension").isEqualTo(401);
        assertThat(caller.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"agent\"}").status())
                .as("claiming a task").isEqualTo(401);
        assertThat(caller.post("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {}}").status())
                .as("completing a task").isEqualTo(401);
        assertThat(caller.get("/engine-rest/task").status()).as("listing tasks").isEqualTo(401);
        assertThat(caller.get("/api/events").status()).as("reading the feed").isEqualTo(401);
        assertThat(caller.get("/api/cases/" + eventNumber + "T-01").status()).as("reading a case").isEqualTo(401);

        assertThat(counts()).as("no row changed").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE event_number = :event").param("event", eventNumber)
                .query(Long.class).single()).as("no case of the refused apprehension").isZero();
        assertThat(jdbc.sql("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = :id").param("id", taskId)
                .query(String.class).optional()).as("the task still open, nobody's").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = :id").param("id", taskId)
                .query(Long.class).single()).isEqualTo(1);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("apprehension_event", "person", "custody_case", "case_event", "partner_event", "case_read", "ACT_RU_TASK",
                "ACT_RU_EXECUTION", "ACT_HI_TASKINST", "ACT_RU_VARIABLE")) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static JWTClaimsSet.Builder agentClaims() {
        return claims("forged-agent", List.of("border-patrol-agent"), List.of("SDC"));
    }

    private static JWTClaimsSet.Builder partnerClaims() {
        return claims("forged-ice-system", List.of("partner-ice"), List.of());
    }

    private static JWTClaimsSet.Builder claims(String user, List<String> groups, List<String> sectors) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(KeycloakServer.shared().issuer()).audience(KeycloakServer.AUDIENCE)
                .subject(UUID.randomUUID().toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", user).claim("groups", groups).claim("sectors", sectors);
    }

    private static String signed(JWTClaimsSet claims) {
        return signed(realmKey, claims);
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an RSA key of this test's making to the realm, of low priority, and returns it with Keycloak's key id. */
    private static RSAKey addRealmKey(KeycloakServer keycloak) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----";
        String realmId = keycloak.admin("GET", "", null).get("id").asText();
        keycloak.admin("POST", "/components", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "name", "test-signing-key", "providerId", "rsa", "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId, "config", Map.of("priority", List.of("1"), "enabled", List.of("true"),
                        "active", List.of("true"), "algorithm", List.of("RS256"), "privateKey", List.of(pem)))));
        String publicKey = Base64.getEncoder().encodeToString(key.toPublicKey().getEncoded());
        for (var published : keycloak.admin("GET", "/keys", null).get("keys")) {
            if (publicKey.equals(published.path("publicKey").asText())) {
                return new RSAKey.Builder(key).keyID(published.get("kid").asText()).build();
            }
        }
        throw new IllegalStateException("Keycloak does not publish the test's key");
    }

    private static KeycloakServer keycloak() {
        return KeycloakServer.shared();
    }
}
