package org.bordercustody.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on with OpenID Connect ({@code custody.sign-in=oidc}, the prod profile): the identity provider's issuer,
 * the audience its access tokens must name, the web apps' client and the claims that say who calls.
 */
@Validated
@ConfigurationProperties("custody.oidc")
public record OidcProperties(
        @NotBlank(message = "is required: set CUSTODY_OIDC_ISSUER_URI") String issuerUri,
        @NotBlank(message = "is required: set CUSTODY_OIDC_AUDIENCE") String audience,
        @NotBlank(message = "is required: set CUSTODY_OIDC_CLIENT_ID") String clientId,
        @NotBlank(message = "is required: set CUSTODY_OIDC_CLIENT_SECRET") String clientSecret,
        @NotNull @Valid @DefaultValue Claims claims,
        @NotNull @DefaultValue Accounts accounts) {

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
            @NotBlank @DefaultValue("preferred_username") String userId,
            @NotBlank @DefaultValue("groups") String groups,
            @NotBlank @DefaultValue("sectors") String sectors,
            @NotBlank @DefaultValue("ice_field_office") String fieldOffices) {
    }
}
