package org.bordercustody.reporting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People written straight into the case tables with every instant a report counts by: for figures whose every value
 * is known, in periods no other test's cases fall in.
 */
public final class ReportFixtures {

    private final JdbcClient jdbc;

    public ReportFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One person apprehended at the instant, at the station of the sector, whose CBP custody ended at leftAt. */
    public void seed(String event, String sector, String station, String apprehendedAt, String leftAt, String status) {
        jdbc.sql("""
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                    request_fingerprint, recorded_at, recorded_by)
                VALUES (:event, :at, '-07:00', :sector, :station, 'x', :at, 'agent')""")
                .param("event", event).param("at", at(apprehendedAt)).param("sector", sector)
                .param("station", station).update();
        UUID person = UUID.randomUUID();
        jdbc.sql("INSERT INTO person (person_id, created_at) VALUES (:person, :at)").param("person", person)
                .param("at", at(apprehendedAt)).update();
        jdbc.sql("""
                INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names, sex,
                    country_of_citizenship, classification, status, apprehended_at, custody_deadline,
                    left_cbp_custody_at, person_id, sector, station)
                VALUES (:event || '-01', :event, 'p1', 'Figueroa', 'Luis', 'M', 'MX', 'SINGLE_ADULT', :status, :at,
                    :deadline, :left, :person, :sector, :station)""")
                .param("event", event).param("status", status).param("at", at(apprehendedAt))
                .param("deadline", Instant.parse(apprehendedAt).plusSeconds(72 * 3600).atOffset(ZoneOffset.UTC))
                .param("left", at(leftAt)).param("person", person).param("sector", sector).param("station", station)
                .update();
        if (leftAt != null) {
            jdbc.sql("UPDATE custody_case SET cbp_custody_tenths = :tenths WHERE case_number = :event || '-01'")
                    .param("tenths", java.time.Duration.between(Instant.parse(apprehendedAt), Instant.parse(leftAt))
                            .toMinutes() / 6)
                    .param("event", event).update();
        }
    }

    /** The person's release, with an address whose ZIP code is of its state or not (none when null). */
    public void release(String event, String releasedAt, Boolean zipInState, String dueBy, String checkedInAt) {
        jdbc.sql("""
                UPDATE custody_case SET released_at = :released, check_in_due_by = :due, checked_in_at = :checkedIn
                 WHERE case_number = :event || '-01'""")
                .param("event", event).param("released", at(releasedAt)).param("due", at(dueBy))
                .param("checkedIn", at(checkedInAt)).update();
        if (zipInState != null) {
            jdbc.sql("""
                    INSERT INTO release_address (case_number, street, city, state, zip, building_type, address_key,
                        recorded_at)
                    VALUES (:event || '-01', '1 Main St', 'Dallas', 'TX', :zip, 'SINGLE_UNIT', :event, :at)""")
                    .param("event", event).param("zip", zipInState ? "75201" : "99999").param("at", at(releasedAt))
                    .update();
            jdbc.sql("UPDATE custody_case SET release_address_valid = :valid WHERE case_number = :event || '-01'")
                    .param("valid", zipInState).param("event", event).update();
        }
    }

    /** A legal clock of the person's that ran out at the instant. */
    public void breach(String event, String clock, String dueAt) {
        jdbc.sql("INSERT INTO custody_breach (case_number, clock, due_at, recorded_at) VALUES (:event || '-01', :clock,"
                        + " :due, :due)")
                .param("event", event).param("clock", clock).param("due", at(dueAt)).update();
    }

    /** The supervisor's explanation of a breach: its cause (a code of the closed list), the words and the action. */
    public void explain(String event, String clock, String cause, String details, String action) {
        jdbc.sql("""
                UPDATE custody_breach SET cause = :cause, cause_details = :details, action_taken = :action,
                    explained_by = 'supervisor', explained_at = due_at WHERE case_number = :event || '-01' AND clock = :clock""")
                .param("cause", cause).param("details", details).param("action", action).param("event", event)
                .param("clock", clock).update();
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
