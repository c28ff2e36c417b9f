package org.bordercustody.release;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Release settings (custody.release.*). */
@Validated
@ConfigurationProperties("custody.release")
public record ReleasePolicy(
        /* An address given by more people than this within the window goes to a supervisor (OIG-23-47). */
        @Min(1) @DefaultValue("10") int recurringAddressThreshold,
        @NotNull @DefaultValue("90d") Duration recurringAddressWindow,
        /* Whether ICE reports detention beds; proposals of detention depend on it. */
        @DefaultValue("true") boolean iceDetentionBedsAvailable) {
}
