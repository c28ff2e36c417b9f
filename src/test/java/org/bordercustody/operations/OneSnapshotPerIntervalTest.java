package org.bordercustody.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.operations.OperationsSnapshot.ClockCounts;
import org.junit.jupiter.api.Test;

/** However many meters a scrape reads, the database is asked once per refresh interval. */
class OneSnapshotPerIntervalTest {

    final AtomicInteger snapshots = new AtomicInteger();
    Instant now = Instant.parse("2026-11-26T12:00:00Z");

    final OperationsQueries countingQueries = new OperationsQueries(null, null, null, null) {
        @Override
        OperationsSnapshot snapshot(Instant at, Duration nearLimit) {
            snapshots.incrementAndGet();
            Map<String, ClockCounts> clocks = new java.util.HashMap<>();
            for (LegalClock clock : LegalClock.values()) {
                clocks.put(clock.name(), new ClockCounts(1, 0, 0, 0));
            }
            Map<String, Long> bands = Map.of("0-12h", 1L, "12-24h", 0L, "24-48h", 0L, "48-72h", 0L, "72h+", 0L);
            return new OperationsSnapshot(at, bands, 0, 0, clocks, bands, 0, 0, 0, Map.of(), Map.of("job-successful", 0L, "job-failed", 0L, "job-acquired-success", 0L,
                    "job-acquisition-attempt", 0L), Map.of());
        }
    };

    @Test
    void everyMeterOfAScrapeReadsOneSnapshotAndTheNextIntervalTakesANewOne() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        var registry = new SimpleMeterRegistry();
        new OperationsMetrics(countingQueries, new OperationsProperties(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1), 50),
                clock).bindTo(registry);

        readEveryMeter(registry);
        readEveryMeter(registry);
        assertThat(registry.getMeters()).hasSizeGreaterThan(25);
        assertThat(snapshots).as("two scrapes of every meter within the interval").hasValue(1);

        now = now.plusSeconds(10);
        readEveryMeter(registry);
        assertThat(snapshots).hasValue(2);
    }

    private static void readEveryMeter(SimpleMeterRegistry registry) {
        for (Meter meter : registry.getMeters()) {
            meter.measure().forEach(measurement -> assertThat(measurement.getValue()).isNotNaN());
        }
    }
}
