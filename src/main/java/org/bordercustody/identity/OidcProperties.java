package org.bordercustody.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect ({@code custody.sign-in=oidc}, the prod profile): the identity provider's issuer,
 * the audience its access tokens must name, the web apps' client and the claims that say who calls.
 */
@ConfigurationProperties("custody.oidc")
public record OidcProperties(String issuerUri, String audience, String clientId, String clientSecret,
        @DefaultValue Claims claims, @DefaultValue Accounts accounts) {

    /**
     * Refuses to sign anyone in without the provider, naming every setting missing (checked only when
     * {@code custody.sign-in=oidc}: the demo has no provider).
     */
    public void requireComplete() {
        List<String> missing = new ArrayList<>();
        requireSet(missing, issuerUri, "custody.oidc.issuer-uri (CUSTODY_OIDC_ISSUER_URI)");
        requireSet(missing, audience, "custody.oidc.audience (CUSTODY_OIDC_AUDIENCE)");
        requireSet(missing, clientId, "custody.oidc.client-id (CUSTODY_OIDC_CLIENT_ID)");
        requireSet(missing, clientSecret, "custody.oidc.client-secret (CUSTODY_OIDC_CLIENT_SECRET)");
        requireSet(missing, claims.userId(), "custody.oidc.claims.user-id");
        requireSet(missing, claims.groups(), "custody.oidc.claims.groups");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Sign-in by OpenID Connect needs " + String.join(", ", missing));
        }
    }

    private static void requireSet(List<String> missing, String value, String name) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    /**
     * Where the application learns which people the identity provider disabled, so that their tokens are refused before
     * they expire: a client allowed to read the realm's users (Keycloak's admin API), asked every refresh interval.
     * No client id: tokens of a disabled person are taken until they expire.
     */
    public record Accounts(String clientId, String clientSecret,
            @DefaultValue("30s") java.time.Duration refreshInterval) {

        public boolean watched() {
            return clientId != null && !clientId.isBlank();
        }
    }

    /** The names of the claims that carry who a caller is. */
    public record Claims(
            @DefaultValue("preferred_username") String userId,
            @DefaultValue("groups") String groups,
            @DefaultValue("sectors") String sectors,
            @DefaultValue("ice_field_office") String fieldOffices) {
    }
}
