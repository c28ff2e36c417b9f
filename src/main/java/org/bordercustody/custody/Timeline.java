package org.bordercustody.custody;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case history that partners read: appended by each step of the case, in the step's transaction. */
@Repository
public class Timeline {

    public static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Timeline(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public void record(String caseNumber, String type, String description, String actor) {
        record(caseNumber, type, description, actor, null, null);
    }

    /** Records the entry, and tells listeners what kind of thing happened (the operations counters count it). */
    public void record(String caseNumber, String type, String description, String actor, String sector, String clock) {
        TimelineEntry entry = new TimelineEntry(this.clock.instant(), type, description, actor);
        record(caseNumber, entry);
        events.publishEvent(new CaseRecorded(caseNumber, type, sector, clock, entry.at(), entry.description()));
    }

    public void record(String caseNumber, TimelineEntry entry) {
        jdbc.sql("""
                INSERT INTO case_event (case_number, occurred_at, type, description, actor)
                VALUES (:caseNumber, :at, :type, :description, :actor)
                """)
                .param("caseNumber", caseNumber)
                .param("at", CustodyCaseRepository.utc(entry.at()))
                .param("type", entry.type())
                .param("description", truncate(entry.description()))
                .param("actor", entry.actor() == null ? SYSTEM_ACTOR : entry.actor())
                .update();
    }

    public List<TimelineEntry> of(String caseNumber) {
        return jdbc.sql("""
                SELECT occurred_at, type, description, actor FROM case_event
                 WHERE case_number = :caseNumber ORDER BY occurred_at, id
                """)
                .param("caseNumber", caseNumber)
                .query((rs, row) -> new TimelineEntry(CustodyCaseRepository.instant(rs, "occurred_at"),
                        rs.getString("type"), rs.getString("description"), rs.getString("actor")))
                .list();
    }

    private static String truncate(String description) {
        return description.length() <= 4000 ? description : description.substring(0, 3997) + "...";
    }
}
