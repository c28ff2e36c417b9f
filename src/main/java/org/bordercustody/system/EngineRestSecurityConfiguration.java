package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's REST API answers only callers who authenticate with HTTP Basic against the engine's users; the
 * engine then applies its authorizations and the access plugin's allow-list to every call. Request bodies are
 * read within a limit, also when chunked.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfiguration {

    static final int AUTHENTICATION_ORDER = 10;
    static final int API_MAX_BODY = 1024 * 1024;
    static final int ENGINE_MAX_BODY = 10 * 1024 * 1024;

    /** HTTP Basic, or with {@code custody.sign-in=oidc} the bearer token Spring Security checked before. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
            @org.springframework.beans.factory.annotation.Value("${custody.sign-in:password}") String signIn) {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                OidcSignInConfiguration.OIDC.equals(signIn) ? SignedInCustodyUser.class.getName()
                        : BasicAuthenticationInOneTransaction.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    /** Right after the engine's authentication, which sets the user it checks. */
    @Bean
    FilterRegistrationBean<PartnerAccountsStayInTheCaseApi> partnerAccountsStayInTheCaseApi(
            org.camunda.bpm.engine.IdentityService identityService, ObjectMapper objectMapper,
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.process-engine-name:default}") String engineName) {
        var registration = new FilterRegistrationBean<>(new PartnerAccountsStayInTheCaseApi(identityService,
                objectMapper, engineName));
        registration.setName("partner-accounts-stay-in-the-case-api");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(AUTHENTICATION_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TaskCompletionConflicts> taskCompletionConflicts(JdbcClient jdbc,
            org.springframework.beans.factory.ObjectProvider<RefusalWords> refusalWords) {
        // Read the task table directly: the caller's own permissions must not hide a task that still exists.
        var registration = new FilterRegistrationBean<>(new TaskCompletionConflicts(taskId -> jdbc
                .sql("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = :id").param("id", taskId)
                .query(Long.class).single() > 0, refusalWords.getIfAvailable(() -> RefusalWords.NONE)));
        registration.setName("task-completion-conflicts");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(AUTHENTICATION_ORDER + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappApplicationAccess> webappApplicationAccess(ObjectMapper objectMapper,
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.process-engine-name:default}") String engineName) {
        var registration = new FilterRegistrationBean<>(new WebappApplicationAccess(objectMapper, engineName));
        registration.setName("webapp-application-access");
        registration.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/tasklist/*", "/camunda/api/admin/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    /** The case API: at most 1 MiB of UTF-8 JSON (an apprehension of 99 people is far smaller). */
    @Bean
    FilterRegistrationBean<RequestBodyLimits> apiRequestBodies(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimits(objectMapper, API_MAX_BODY, true));
        registration.setName("api-request-bodies");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The engine's APIs: at most 10 MiB (a deployment of the models and forms is far smaller). */
    @Bean
    FilterRegistrationBean<RequestBodyLimits> engineRequestBodies(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimits(objectMapper, ENGINE_MAX_BODY, false));
        registration.setName("engine-request-bodies");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
