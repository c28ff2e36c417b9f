package org.bordercustody.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bordercustody.identity.CustodyOidcUser;
import org.bordercustody.identity.CustodyUser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the engine the caller Spring Security signed in by OpenID Connect (a bearer token on /engine-rest, the web
 * apps' session): the same user id, groups and sectors (the engine's tenants), with no read of Camunda's user tables.
 */
public class SignedInCustodyUser implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        CustodyUser user = current();
        if (user == null) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(user.userId());
        result.setGroups(user.groups());
        result.setTenants(user.sectors());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"border-custody\"");
    }

    /** The signed-in caller of this request, or null. */
    static CustodyUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof CustodyUser user) {
            return user;
        }
        return principal instanceof CustodyOidcUser person ? person.custodyUser() : null;
    }
}
