package org.bordercustody.custody;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The legal clocks of domain.md, each configurable (custody.clocks.*). Every one counts from a recorded
 * instant (the apprehension, the UAC determination), never from when a task happened to be created.
 */
@Validated
@ConfigurationProperties("custody.clocks")
public record CustodyClocks(
        /* CBP TEDS 2015 section 1.8: generally not held longer than 72 hours. */
        @NotNull @DefaultValue("72h") Duration cbpHoldingLimit,
        /* When a supervisor is warned that the holding limit approaches. */
        @NotNull @DefaultValue("48h") Duration cbpHoldingWarning,
        /* Internal target for recording intake. */
        @NotNull @DefaultValue("12h") Duration intakeDue,
        /* TVPRA 2008, 8 U.S.C. 1232(b)(2): notify HHS of an unaccompanied child within 48 hours. */
        @NotNull @DefaultValue("48h") Duration hhsNotification,
        /* TVPRA 2008, 8 U.S.C. 1232(b)(3): transfer to HHS ORR within 72 hours of the determination. */
        @NotNull @DefaultValue("72h") Duration orrTransfer,
        /* TVPRA 2008, 8 U.S.C. 1232(a)(4): screen a child from a contiguous country within 48 hours. */
        @NotNull @DefaultValue("48h") Duration contiguousCountryScreening,
        /* HHS counts children of this age and under as of tender age. */
        @Min(0) @Max(17) @DefaultValue("12") int tenderAgeThreshold,
        /* OIG-22-66, Form I-385: report to ICE within 60 days of release. */
        @NotNull @DefaultValue("60d") Duration checkIn,
        /* Flores settlement as read in 2015: children with a parent in ICE family custody about 20 days. */
        @NotNull @DefaultValue("20d") Duration floresFamilyCustody) {

    public Instant custodyDeadline(Instant apprehendedAt) {
        return apprehendedAt.plus(cbpHoldingLimit);
    }

    public Instant custodyWarningAt(Instant apprehendedAt) {
        return apprehendedAt.plus(cbpHoldingWarning);
    }

    public Instant intakeDue(Instant apprehendedAt) {
        return apprehendedAt.plus(intakeDue);
    }

    public Instant hhsNotificationDeadline(Instant apprehendedAt) {
        return apprehendedAt.plus(hhsNotification);
    }

    public Instant screeningDeadline(Instant apprehendedAt) {
        return apprehendedAt.plus(contiguousCountryScreening);
    }

    public Instant orrTransferDeadline(Instant determinedUnaccompaniedAt) {
        return determinedUnaccompaniedAt.plus(orrTransfer);
    }

    public Instant checkInDueBy(Instant releasedAt) {
        return releasedAt.plus(checkIn);
    }

    public Instant floresDeadline(Instant bookedIntoFamilyCustodyAt) {
        return bookedIntoFamilyCustodyAt.plus(floresFamilyCustody);
    }
}
