package org.bordercustody.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's REST API answers only callers who authenticate with HTTP Basic against the engine's users; the
 * engine then applies its authorizations to every call. Task queries never carry expressions, and the case
 * API never takes a body over 1 MiB.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfiguration {

    static final int AUTHENTICATION_ORDER = 10;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
        var registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
        registration.setName("query-expression-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(AUTHENTICATION_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TaskCompletionConflicts> taskCompletionConflicts(JdbcClient jdbc) {
        // Read the task table directly: the caller's own permissions must not hide a task that still exists.
        var registration = new FilterRegistrationBean<>(new TaskCompletionConflicts(taskId -> jdbc
                .sql("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = :id").param("id", taskId)
                .query(Long.class).single() > 0));
        registration.setName("task-completion-conflicts");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(AUTHENTICATION_ORDER + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiRequestLimits> apiRequestLimits(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new ApiRequestLimits(objectMapper));
        registration.setName("api-request-limits");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
