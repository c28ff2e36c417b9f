package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.bordercustody.identity.CustodyGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Partner systems' accounts (groups partner-ice, partner-orr, and no group of people) reach the case API only:
 * Camunda's REST API answers them 403 whatever they call, decided on the user the engine's authentication filter
 * set; the web apps' API likewise, decided on the session's signed-in user; and a web app sign-in (Tasklist, Cockpit,
 * Admin, Welcome) that would sign a partner account in is undone: the session is dropped and the answer is 403.
 */
class PartnerAccountsStayInTheCaseApi extends OncePerRequestFilter {

    /** The web apps' sign-in, whose answer is held until it is known whom it signed in. */
    private static final Pattern SIGN_IN = Pattern.compile(".*/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final IdentityService identityService;
    private final ObjectMapper objectMapper;
    private final String engineName;

    PartnerAccountsStayInTheCaseApi(IdentityService identityService, ObjectMapper objectMapper, String engineName) {
        this.identityService = identityService;
        this.objectMapper = objectMapper;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication engineUser = identityService.getCurrentAuthentication();
        if (engineUser != null && CustodyGroups.isPartnerOnly(engineUser.getGroupIds()) || CustodyGroups.isPartnerOnly(sessionGroups(request))) {
            refuse(response);
            return;
        }
        if (!SIGN_IN.matcher(request.getRequestURI()).matches()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (CustodyGroups.isPartnerOnly(sessionGroups(request))) {
            // A sign-in that just took place: nothing of it stays.
            request.getSession().invalidate();
            answer.resetBuffer();
            refuse(answer);
        }
        answer.copyBodyToResponse();
    }

    private List<String> sessionGroups(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null
                && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                ? user.getGroupIds() : List.of();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ProblemResponses.write(objectMapper, response, HttpStatus.FORBIDDEN,
                "A partner system's account reaches the case API (/api) only");
    }
}
