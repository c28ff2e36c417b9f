package org.bordercustody.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpMethod;
import org.bordercustody.identity.CustodyUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged into a Camunda web app read the case API with that session, so that the Cockpit custody
 * panel can show the API's figures. Only reads: a cookie must never be enough to change anything.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final String engineName;

    WebappSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean read = HttpMethod.GET.matches(request.getMethod());
        if (read && session != null && request.getHeader("Authorization") == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication user = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(engineName);
            if (user instanceof UserAuthentication webappUser) {
                SecurityContextHolder.getContext().setAuthentication(new CustodyUser(webappUser.getName(),
                        listOf(webappUser.getGroupIds()), listOf(webappUser.getTenantIds())).authenticated());
            }
        }
        chain.doFilter(request, response);
    }

    private static List<String> listOf(java.util.Collection<String> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }
}
