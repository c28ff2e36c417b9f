package org.bordercustody.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Calls failed by a database outage answer 503 with Retry-After (docs/operations.md, "When the database is down"). */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

    @Bean
    DatabaseOutageAnswers databaseOutageAnswers(ObjectMapper objectMapper,
            @Value("${custody.database-outage.retry-after:5s}") Duration retryAfter) {
        return new DatabaseOutageAnswers(objectMapper, retryAfter);
    }

    /** Outermost, so that a failure of any filter inside (authentication reads the database too) is answered. */
    @Bean
    FilterRegistrationBean<DatabaseOutageAnswers> databaseOutageAnswersRegistration(DatabaseOutageAnswers answers) {
        var registration = new FilterRegistrationBean<>(answers);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tells the filter which of Camunda's 500 answers came from a database outage: its REST API maps them itself. */
    @Bean
    ProcessEnginePlugin databaseOutageNotices() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setCustomPreCommandInterceptorsTxRequired(
                        withNotice(configuration.getCustomPreCommandInterceptorsTxRequired()));
                configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                        withNotice(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
            }
        };
    }

    private static List<CommandInterceptor> withNotice(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(new NoticeOfOutage());
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }

    static final class NoticeOfOutage extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException failure) {
                if (DatabaseOutage.isCause(failure)) {
                    DatabaseOutageAnswers.noticed();
                }
                throw failure;
            }
        }
    }
}
