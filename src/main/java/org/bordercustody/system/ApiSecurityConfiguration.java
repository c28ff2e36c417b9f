package org.bordercustody.system;

import static org.bordercustody.identity.CustodyGroups.ADMIN;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_AGENT;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_SUPERVISOR;
import static org.bordercustody.identity.CustodyGroups.CUSTODY_MANAGER;
import static org.bordercustody.identity.CustodyGroups.ICE_ERO_OFFICER;
import static org.bordercustody.identity.CustodyGroups.ORR_LIAISON;
import static org.bordercustody.identity.CustodyGroups.PARTNER_ICE;
import static org.bordercustody.identity.CustodyGroups.PARTNER_ORR;
import static org.bordercustody.identity.CustodyGroups.PRIVACY_OFFICER;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bordercustody.identity.CustodyGroups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic for the case API and the actuator (bearer tokens instead with {@code custody.sign-in=oidc}); reads also accept a Camunda web app session (the Cockpit
 * panel). The web apps keep their own login and CSRF protection, and /engine-rest has Camunda's
 * authentication filter, so this chain matches only /api and /actuator.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final String[] EVERY_ROLE = CustodyGroups.ALL.toArray(String[]::new);
    private static final String[] EVERY_ROLE_AND_PARTNER = java.util.stream.Stream.concat(CustodyGroups.ALL.stream(),
            CustodyGroups.PARTNERS.stream()).toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, DatabaseOutageAnswers outageAnswers,
            @Value("${camunda.bpm.process-engine-name:default}") String engineName,
            ObjectProvider<BearerTokens> bearerTokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/webjars/swagger-ui/**")
                .addFilterBefore(new WebappSessionAuthenticationFilter(engineName), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(ADMIN, CUSTODY_MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/apprehensions")
                                .hasAnyAuthority(ADMIN, BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/check-ins")
                                .hasAnyAuthority(ICE_ERO_OFFICER, PARTNER_ICE)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/ice-book-in")
                                .hasAnyAuthority(ICE_ERO_OFFICER, PARTNER_ICE)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/orr-placement")
                                .hasAnyAuthority(ADMIN, ORR_LIAISON, PARTNER_ORR)
                        .requestMatchers(HttpMethod.POST, "/api/admin/process-migrations").hasAnyAuthority(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/custody-location")
                                .hasAnyAuthority(ADMIN, BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/person-link/undo")
                                .hasAnyAuthority(BORDER_PATROL_SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/family/reunification")
                                .hasAnyAuthority(BORDER_PATROL_SUPERVISOR, ORR_LIAISON, PARTNER_ORR)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/hhs-referral/acknowledgement")
                                .hasAnyAuthority(PARTNER_ORR)
                        .requestMatchers(HttpMethod.GET, "/api/openapi", "/api/openapi/**", "/api/openapi.yaml",
                                "/api/docs", "/api/swagger-ui/**", "/webjars/swagger-ui/**").authenticated()
                        // The demo's partner simulator (off in production): its webhooks check signatures instead.
                        .requestMatchers(HttpMethod.POST, "/api/simulator/*/webhook").permitAll()
                        .requestMatchers("/api/simulator", "/api/simulator/**").hasAnyAuthority(ADMIN, CUSTODY_MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/events")
                                .hasAnyAuthority(ADMIN, CUSTODY_MANAGER, PARTNER_ICE, PARTNER_ORR)
                        .requestMatchers(HttpMethod.GET, "/api/reports/**")
                                .hasAnyAuthority(ADMIN, CUSTODY_MANAGER, BORDER_PATROL_SUPERVISOR)
                        // The partners' systems send facility codes of this list in their book-ins and placements.
                        .requestMatchers(HttpMethod.GET, "/api/facilities").hasAnyAuthority(EVERY_ROLE_AND_PARTNER)
                        // The read log: privacy officers only, and only to read it; nothing changes or deletes an entry.
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/reads", "/api/users/*/reads")
                                .hasAnyAuthority(PRIVACY_OFFICER)
                        .requestMatchers("/api/cases/*/reads", "/api/users/*/reads").denyAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(EVERY_ROLE)
                        .anyRequest().denyAll());
        BearerTokens tokens = bearerTokens.getIfAvailable();
        if (tokens != null) {
            // custody.sign-in=oidc: bearer tokens of the identity provider only, no password.
            tokens.configure(http, objectMapper);
            http.exceptionHandling(handling -> handling.authenticationEntryPoint(BearerTokens.entryPoint(objectMapper)));
        } else {
            http.httpBasic(basic -> basic
                        .realmName("border-custody")
                        .authenticationEntryPoint((request, response, failure) -> {
                            // The credentials could not be checked at all: the caller should try again, not re-enter them.
                            if (DatabaseOutage.isCause(failure)) {
                                outageAnswers.answer(request, response);
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Basic realm=\"border-custody\"");
                            ProblemResponses.write(objectMapper, response, HttpStatus.UNAUTHORIZED,
                                    "Authentication required: send HTTP Basic credentials of a custody user");
                        }));
        }
        http.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, denied) ->
                        ProblemResponses.write(objectMapper, response, HttpStatus.FORBIDDEN,
                                "Your groups do not allow this call")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // The web app session a Cockpit panel reads with belongs to Camunda: never renew or replace it.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                // Stateless HTTP Basic: no cookie is ever trusted, so there is no cross-site request to forge.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

}
