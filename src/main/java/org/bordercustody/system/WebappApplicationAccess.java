package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web app's own API is for the people who may open that web app: Cockpit's plugin API runs its queries outside
 * the engine's command chain, so a Tasklist user must not reach it just by being signed in. The login and setup
 * endpoints stay open; everything else under /camunda/api/{cockpit,tasklist,admin} needs that app's access.
 */
class WebappApplicationAccess extends OncePerRequestFilter {

    private static final Pattern APP_API = Pattern.compile("/camunda/api/(cockpit|tasklist|admin)/(.*)");

    private final ObjectMapper objectMapper;
    private final String engineName;

    WebappApplicationAccess(ObjectMapper objectMapper, String engineName) {
        this.objectMapper = objectMapper;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher api = APP_API.matcher(request.getRequestURI());
        if (api.matches() && !isSignInOrSetup(api.group(1), api.group(2))) {
            UserAuthentication user = signedIn(request.getSession(false));
            if (user != null && !user.isAuthorizedForApp(api.group(1))) {
                ProblemResponses.write(objectMapper, response, HttpStatus.FORBIDDEN,
                        "Your groups do not give you access to " + api.group(1));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isSignInOrSetup(String app, String rest) {
        return app.equals("admin") && (rest.startsWith("auth/") || rest.startsWith("setup/"));
    }

    private UserAuthentication signedIn(HttpSession session) {
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null
                && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                ? user : null;
    }
}
