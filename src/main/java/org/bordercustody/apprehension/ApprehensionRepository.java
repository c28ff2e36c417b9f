package org.bordercustody.apprehension;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApprehensionRepository {

    private final JdbcClient jdbc;

    ApprehensionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> fingerprintOf(String eventNumber) {
        return jdbc.sql("SELECT request_fingerprint FROM apprehension_event WHERE event_number = :eventNumber")
                .param("eventNumber", eventNumber)
                .query(String.class)
                .optional();
    }

    void insert(Apprehension apprehension, String fingerprint, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                    request_fingerprint, recorded_at, recorded_by)
                VALUES (:eventNumber, :apprehendedAt, :offset, :sector, :station, :fingerprint, :recordedAt, :recordedBy)
                """)
                .param("eventNumber", apprehension.eventNumber())
                .param("apprehendedAt", apprehension.apprehendedAt().atOffset(java.time.ZoneOffset.UTC))
                .param("offset", apprehension.reportedOffset().getId())
                .param("sector", apprehension.sector())
                .param("station", apprehension.station())
                .param("fingerprint", fingerprint)
                .param("recordedAt", recordedAt.atOffset(java.time.ZoneOffset.UTC))
                .param("recordedBy", recordedBy)
                .update();
    }
}
