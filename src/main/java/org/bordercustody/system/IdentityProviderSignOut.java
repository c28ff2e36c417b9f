package org.bordercustody.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the person's session at the identity provider when they sign out of a web app. The web apps sign out with a
 * background request, not a page the browser could follow to the provider, so the application ends the session itself:
 * it hands the provider's end-session endpoint the session's refresh token with the client's credentials (as Keycloak
 * takes it). The next visit to a web app shows the provider's login page again.
 */
class IdentityProviderSignOut implements LogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderSignOut.class);

    private final ClientRegistrationRepository registrations;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final String registrationId;
    private final RestClient http = IdentityProviderCalls.client();

    IdentityProviderSignOut(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, String registrationId) {
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        this.registrationId = registrationId;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken)) {
            return;
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(registrationId, authentication, request);
        ClientRegistration registration = registrations.findByRegistrationId(registrationId);
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (client == null || client.getRefreshToken() == null || endSession == null) {
            LOG.warn("Signed {} out of the application only: no session to end at the identity provider",
                    authentication.getName());
            return;
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            http.post().uri(endSession.toString()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().toBodilessEntity();
            authorizedClients.removeAuthorizedClient(registrationId, authentication, request, response);
        } catch (RestClientException failure) {
            LOG.warn("The identity provider did not end the session of {}: {}", authentication.getName(),
                    failure.getMessage());
        }
    }
}
