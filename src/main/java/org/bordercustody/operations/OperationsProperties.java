package org.bordercustody.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the operations meters are computed: how long one snapshot of the database serves every meter (keep it at or
 * below Prometheus' scrape interval), how long the count of everyone waiting for a check-in serves (it reads a whole
 * index), how close to its limit a clock counts as near, and how many sectors get a series of their own.
 */
@ConfigurationProperties("custody.metrics")
public record OperationsProperties(
        @DefaultValue("10s") Duration refreshInterval,
        @DefaultValue("60s") Duration populationRefreshInterval,
        @DefaultValue("1h") Duration nearLimit,
        @DefaultValue("50") int maxSectors) {
}
