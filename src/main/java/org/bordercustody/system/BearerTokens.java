package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bordercustody.identity.CustodyUser;
import org.bordercustody.identity.CustodyUserAuthentication;
import org.bordercustody.identity.TokenClaims;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Signing in by a bearer token (a JWT of the identity provider): checked here with the provider's keys, which are
 * fetched once and cached; no call to the provider and no read of an identity table per request.
 */
public record BearerTokens(JwtDecoder decoder, TokenClaims claims) {

    /** Lets the chain take bearer tokens, each becoming the custody user it names; anything else answers 401. */
    void configure(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .authenticationEntryPoint(entryPoint(objectMapper))
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> {
                    CustodyUser user = claims.userOf(token.getClaims());
                    if (user == null) {
                        throw new InvalidBearerTokenException("The token names no user");
                    }
                    return new CustodyUserAuthentication(user, token);
                })));
    }

    static AuthenticationEntryPoint entryPoint(ObjectMapper objectMapper) {
        return (request, response, failure) -> {
            boolean tokenSent = request.getHeader("Authorization") != null;
            response.setHeader("WWW-Authenticate", tokenSent
                    ? "Bearer realm=\"border-custody\", error=\"invalid_token\""
                    : "Bearer realm=\"border-custody\"");
            ProblemResponses.write(objectMapper, response, HttpStatus.UNAUTHORIZED, tokenSent
                    ? "The bearer token was refused: expired, not for this application, or not signed by its identity provider"
                    : "Authentication required: send a bearer token of the identity provider");
        };
    }
}
