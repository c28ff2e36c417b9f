package org.bordercustody.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.bordercustody.identity.CustodyOidcUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web app session of a person the identity provider has disabled since they signed in ends at their next request
 * (its Camunda sign-in with it): they are sent to the provider's login page, which refuses them.
 */
class DisabledPeopleSignedOut extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DisabledPeopleSignedOut.class);

    private final DisabledAccounts disabledAccounts;

    DisabledPeopleSignedOut(DisabledAccounts disabledAccounts) {
        this.disabledAccounts = disabledAccounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof CustodyOidcUser person
                && disabledAccounts.isDisabled(person.getSubject())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            LOG.info("Ended the web app session of {}: the account is disabled at the identity provider",
                    person.getName());
        }
        chain.doFilter(request, response);
    }
}
