package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bordercustody.CustodyApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class ProductionProfileTest {

    @Test
    void refusesToStartWithoutTheAdministratorsCredentials() {
        assertThatThrownBy(() -> start().close())
                .satisfies(failure -> assertThat(causes(failure))
                        .contains("CUSTODY_ADMIN_USER").contains("CUSTODY_ADMIN_PASSWORD"));
    }

    @Test
    void createsTheAdministratorFromTheEnvironmentAndNoDemoUsers() {
        try (ConfigurableApplicationContext context = start(
                "--custody.identity.admin.user-id=chief", "--custody.identity.admin.password=long-secret")) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("chief");
            assertThat(identity.checkPassword("chief", "long-secret")).isTrue();
            assertThat(identity.createGroupQuery().groupMember("chief").list()).extracting("id")
                    .containsExactly("camunda-admin");
            assertThat(identity.createGroupQuery().list()).extracting("id").contains("border-patrol-agent",
                    "border-patrol-supervisor", "ice-ero-officer", "orr-liaison", "custody-manager");
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(CustodyApplication.class)
                .profiles("test", "prod")
                // No web apps: a second set of Camunda web apps in this JVM would disturb the shared test context's.
                .properties("server.port=0", "camunda.bpm.webapp.enabled=false")
                .run(withOwnEngineName(arguments));
    }

    /** Closing this context must not unregister the engine named "default" that the other tests share. */
    private static String[] withOwnEngineName(String... arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 3);
        all[arguments.length] = "--camunda.bpm.process-engine-name=productionProfileTest";
        // Sign-in by OpenID Connect: the identity provider is asked nothing before the first sign-in.
        all[arguments.length + 1] = "--custody.oidc.issuer-uri=http://localhost:1/realms/border-custody";
        all[arguments.length + 2] = "--custody.oidc.client-secret=unused";
        return all;
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
