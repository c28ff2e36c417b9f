package org.bordercustody.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bordercustody.identity.OidcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The people the identity provider has disabled, read from Keycloak's admin API every refresh interval in the
 * background, so that a token issued before is refused at once instead of at its expiry: a request costs one look-up
 * in memory, never a call to the provider.
 */
class DisabledAccounts implements OAuth2TokenValidator<Jwt>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DisabledAccounts.class);
    private static final int PAGE = 500;

    private final OidcProperties properties;
    private final String usersUrl;
    private final RestClient http = IdentityProviderCalls.client();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "disabled-accounts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Set<String> disabled = Set.of();

    DisabledAccounts(OidcProperties properties) {
        this.properties = properties;
        // Keycloak's realms live under /realms/{realm}, their admin API under /admin/realms/{realm}.
        String issuer = properties.issuerUri().replaceAll("/+$", "");
        int realms = issuer.lastIndexOf("/realms/");
        this.usersUrl = issuer.substring(0, realms) + "/admin" + issuer.substring(realms) + "/users";
        long every = properties.accounts().refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
    }

    boolean isDisabled(String subject) {
        return subject != null && disabled.contains(subject);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return isDisabled(token.getSubject())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The account is disabled", null))
                : OAuth2TokenValidatorResult.success();
    }

    private void refresh() {
        try {
            String token = accessToken();
            Set<String> found = new HashSet<>();
            for (int first = 0; ; first += PAGE) {
                JsonNode users = http.get().uri(usersUrl + "?enabled=false&briefRepresentation=true&first=" + first
                        + "&max=" + PAGE).header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
                users.forEach(user -> found.add(user.get("id").asText()));
                if (users.size() < PAGE) {
                    break;
                }
            }
            disabled = Set.copyOf(found);
        } catch (RuntimeException unreachable) {
            // Keep the last list: the provider may be restarting.
            LOG.warn("Could not read the disabled accounts from the identity provider: {}", unreachable.getMessage());
        }
    }

    private String accessToken() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.accounts().clientId());
        form.add("client_secret", properties.accounts().clientSecret());
        JsonNode token = http.post().uri(properties.issuerUri() + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        return token.get("access_token").asText();
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
