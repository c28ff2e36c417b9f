package org.bordercustody.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may log in at start-up. In the prod profile the administrator comes from CUSTODY_ADMIN_USER and
 * CUSTODY_ADMIN_PASSWORD and the application refuses to start without them. {@code fieldOffices}: the sectors of an
 * ICE field office where they differ from reference/sectors.csv ({@code custody.identity.field-offices.SND=SDC,ELC}).
 */
@Validated
@ConfigurationProperties("custody.identity")
public record IdentityProperties(boolean demoUsers, @NotNull @Valid Administrator admin,
        Map<String, List<String>> fieldOffices) {

    public IdentityProperties {
        fieldOffices = fieldOffices == null ? Map.of() : Map.copyOf(fieldOffices);
    }

    public record Administrator(
            @NotBlank(message = "is required: set CUSTODY_ADMIN_USER") String userId,
            @NotBlank(message = "is required: set CUSTODY_ADMIN_PASSWORD") String password) {
    }
}
