package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bordercustody.identity.CustodyOidcUser;
import org.bordercustody.identity.CustodyUser;
import org.bordercustody.identity.OidcProperties;
import org.bordercustody.identity.SectorScopes;
import org.bordercustody.identity.TokenClaims;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Single sign-on with OpenID Connect ({@code custody.sign-in=oidc}, the prod profile): Tasklist, Cockpit and Admin sign
 * people in at the identity provider (authorization code with PKCE) and hand the engine the ID token's user id, groups
 * and sectors through the web apps' container-based authentication; the case API and /engine-rest take the provider's
 * access tokens (JWT), partner systems' client-credentials tokens included. No password signs anyone in. The provider
 * is asked for its configuration and keys at the first sign-in, not at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custody.sign-in", havingValue = OidcSignInConfiguration.OIDC)
class OidcSignInConfiguration {

    static final String OIDC = "oidc";
    /** The client registration's id, in the redirect address /login/oauth2/code/oidc. */
    static final String REGISTRATION = "oidc";

    OidcSignInConfiguration(OidcProperties properties) {
        properties.requireComplete();
    }

    @Bean
    TokenClaims tokenClaims(OidcProperties properties, SectorScopes sectorScopes) {
        return new TokenClaims(properties.claims(), sectorScopes);
    }

    @Bean
    DisabledAccounts disabledAccounts(OidcProperties properties) {
        return properties.accounts().watched() ? new DisabledAccounts(properties) : null;
    }

    @Bean
    BearerTokens bearerTokens(OidcProperties properties, TokenClaims claims,
            ObjectProvider<DisabledAccounts> disabledAccounts) {
        OAuth2TokenValidator<Jwt> enabled = disabledAccounts.getIfAvailable() == null
                ? token -> OAuth2TokenValidatorResult.success() : disabledAccounts.getObject();
        return new BearerTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuerUri()), audience(properties.audience()),
                    enabled));
            return decoder;
        }), claims);
    }

    /** A token for another application of the same provider is not one for this application. */
    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return token -> token.getAudience() != null && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not for the audience " + audience, null));
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(OidcProperties properties) {
        return new IssuerRegistration(properties);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** /engine-rest: bearer tokens only; Camunda's authentication filter then takes the caller from here. */
    @Bean
    @Order(2)
    SecurityFilterChain engineRestSignIn(HttpSecurity http, BearerTokens tokens, ObjectMapper objectMapper)
            throws Exception {
        // Matched on the whole path: /engine-rest is a servlet of its own, not Spring MVC.
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(BearerTokens.entryPoint(objectMapper)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless bearer tokens: no cookie is trusted here.
                .csrf(csrf -> csrf.disable());
        tokens.configure(http, objectMapper);
        return http.build();
    }

    /** The web apps and everything else: signed in at the identity provider, signed out there too. */
    @Bean
    @Order(100)
    SecurityFilterChain webappSignIn(HttpSecurity http, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, TokenClaims claims,
            ObjectProvider<DisabledAccounts> disabledAccounts) throws Exception {
        DisabledAccounts disabled = disabledAccounts.getIfAvailable();
        if (disabled != null) {
            http.addFilterAfter(new DisabledPeopleSignedOut(disabled), SecurityContextHolderFilter.class);
        }
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        // Camunda's password login and its first-user setup: nobody signs in with a password here.
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*"),
                                paths.matcher("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(custodyUsers(claims))))
                // The web apps' own "Log out" (a POST of their API): the session here and the one at the provider end.
                .logout(logout -> logout
                        .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .addLogoutHandler(new IdentityProviderSignOut(registrations, authorizedClients, REGISTRATION))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), paths.matcher("/camunda/api/**")))
                // The web apps keep their own CSRF protection (Camunda's filter and its XSRF-TOKEN cookie).
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Camunda's container-based authentication, before the web apps' own filters read the session. */
    @Bean
    FilterRegistrationBean<TokenSignInFilter> webappTokenSignIn() {
        var registration = new FilterRegistrationBean<>(new TokenSignInFilter());
        registration.setName("webapp-token-sign-in");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SignedInCustodyUser.class.getName());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(EngineRestSecurityConfiguration.AUTHENTICATION_ORDER - 1);
        return registration;
    }

    private static OidcUserService custodyUsers(TokenClaims claims) {
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser signedIn = super.loadUser(request);
                CustodyUser user = claims.userOf(signedIn.getClaims());
                if (user == null) {
                    throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token",
                            "The ID token names no user", null));
                }
                return new CustodyOidcUser(user, signedIn.getIdToken(), signedIn.getUserInfo());
            }
        };
    }

    /** The web apps' client, read from the provider's discovery document at the first sign-in and kept. */
    static final class IssuerRegistration implements ClientRegistrationRepository {

        private final OidcProperties properties;
        private volatile ClientRegistration registration;

        IssuerRegistration(OidcProperties properties) {
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                                .registrationId(REGISTRATION)
                                .clientId(properties.clientId())
                                .clientSecret(properties.clientSecret())
                                .scope("openid", "profile", "email")
                                .userNameAttributeName(properties.claims().userId())
                                .build();
                    }
                    found = registration;
                }
            }
            return found;
        }
    }
}
