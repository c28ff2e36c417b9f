package org.bordercustody.system;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The web apps' container-based authentication for people signed in by OpenID Connect. Camunda's own filter looks the
 * user up in its user table, which holds no such person, and refreshes the groups from it every few minutes; here the
 * session keeps the user id, groups and sectors of the ID token until it ends, and only the web apps the groups may
 * open are read from the engine's authorizations, once per session.
 */
public class TokenSignInFilter extends ContainerBasedAuthenticationFilter {

    /** Never refreshed from Camunda's user table: the identity provider is the source, and signing out ends it. */
    private static final Date NEVER = new Date(Long.MAX_VALUE);

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String userId, List<String> groups,
            List<String> tenants) {
        engine.getIdentityService().clearAuthentication();
        Set<String> apps = new HashSet<>(Set.of(AuthenticationUtil.APP_WELCOME));
        for (String app : AuthenticationUtil.APPS) {
            if (engine.getAuthorizationService().isUserAuthorized(userId, groups, ACCESS, APPLICATION, app)) {
                apps.add(app);
            }
        }
        UserAuthentication authentication = new UserAuthentication(userId, engine.getName());
        authentication.setGroupIds(groups);
        authentication.setTenantIds(tenants);
        authentication.setAuthorizedApps(apps);
        authentication.setCacheValidationTime(NEVER);
        return authentication;
    }
}
