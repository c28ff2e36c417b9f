package org.bordercustody.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The read log's meters: reads counted by entry point, and the per-user signal read from the table over the last hour. */
class ReadLogMetersTest {

    static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");

    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final CaseReadRepository repository = mock(CaseReadRepository.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ReadLog log = new ReadLog(repository, clock, registry, 200);

    @Test
    void eachReadIsCountedUnderItsEntryPointOnly() {
        log.read("agent", ReadVia.TIMELINE, "RDL0001-01");
        log.readEach("ice-system", ReadVia.PARTNER_EVENTS, java.util.List.of("A-01", "B-01", "A-01"));

        assertThat(registry.get("custody.record.reads").tag("via", "TIMELINE").counter().count()).isEqualTo(1);
        assertThat(registry.get("custody.record.reads").tag("via", "PARTNER_EVENTS").counter().count()).isEqualTo(2);
        assertThat(registry.get("custody.record.reads").tag("via", "CASE_VIEW").counter().count()).isZero();
        assertThat(registry.get("custody.record.reads").counters()).allSatisfy(counter ->
                assertThat(counter.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
                        .containsExactly("via"));
        verify(repository).insert("RDL0001-01", null, "agent", ReadVia.TIMELINE, NOW);
        verify(repository).insert("A-01", null, "ice-system", ReadVia.PARTNER_EVENTS, NOW);
        verify(repository).insert("B-01", null, "ice-system", ReadVia.PARTNER_EVENTS, NOW);
        verify(repository, times(3)).insert(any(), any(), any(), any(), any());
    }

    @Test
    void aReadWhoseEntryCannotBeWrittenFailsAndIsNotCounted() {
        org.mockito.Mockito.doThrow(new org.springframework.dao.DataAccessResourceFailureException("database down"))
                .when(repository).insert(any(), any(), any(), any(), any());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.read("agent", ReadVia.CASE_VIEW, "RDL0001-01"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(registry.get("custody.record.reads").tag("via", "CASE_VIEW").counter().count()).isZero();
    }

    @Test
    void theLargestNumberOfCasesOneUserReadInTheLastHourIsReadFromTheTableAtMostEvery30Seconds() {
        when(repository.mostCasesReadByOneUserSince(NOW.minus(Duration.ofHours(1)))).thenReturn(12L);
        when(repository.mostCasesReadByOneUserSince(NOW.plusSeconds(30).minus(Duration.ofHours(1)))).thenReturn(250L);

        assertThat(gauge()).isEqualTo(12);
        now.set(NOW.plusSeconds(29));
        assertThat(gauge()).as("the same reading").isEqualTo(12);
        now.set(NOW.plusSeconds(30));
        assertThat(gauge()).isEqualTo(250);
        verify(repository, times(2)).mostCasesReadByOneUserSince(any());
        assertThat(registry.get("custody.record.reads.unusual.cases.per.user.last.hour").gauge().value()).isEqualTo(200);
    }

    private double gauge() {
        return registry.get("custody.record.reads.max.cases.per.user.last.hour").gauge().value();
    }
}
