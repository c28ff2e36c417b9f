package org.bordercustody.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case API's OpenAPI 3 description, served at /api/openapi (JSON; /api/openapi.yaml) with a Swagger UI at
 * /api/docs (/api/swagger-ui/index.html), for signed-in users; docs/api.md tells the same in words.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI caseApi() {
        return new OpenAPI()
                .info(new Info().title("Border custody case API").version("1")
                        .description("Apprehensions, cases and their timelines, check-ins, ORR placements, the reports"
                                + " the Inspector General measured, and the partner exchange: the event feed"
                                + " (CloudEvents 1.0) and the answers ICE's and HHS ORR's systems send back."
                                + " HTTP Basic with a custody account; docs/api.md in the project describes each"
                                + " event type and who may read it."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
