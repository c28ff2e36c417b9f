package org.bordercustody.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The separations decided: one row per child and the parent or legal guardian the child is separated from. */
@Repository
public class SeparationRepository {

    private final JdbcClient jdbc;

    public SeparationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String eventNumber, String childCaseNumber, String parentCaseNumber, SeparationReason reason,
            String note, Instant decidedAt, String decidedBy) {
        jdbc.sql("""
                INSERT INTO family_separation (event_number, child_case_number, parent_case_number, reason, note,
                                               decided_at, decided_by)
                VALUES (:event, :child, :parent, :reason, :note, :decidedAt, :decidedBy)
                """)
                .param("event", eventNumber)
                .param("child", childCaseNumber)
                .param("parent", parentCaseNumber)
                .param("reason", reason.name())
                .param("note", note)
                .param("decidedAt", Timestamp.from(decidedAt))
                .param("decidedBy", decidedBy)
                .update();
    }

    /** Marks the separation of the child from the parent as ended; false when there was none still open. */
    public boolean reunify(String childCaseNumber, String parentCaseNumber, Instant at, String actor, String note) {
        return jdbc.sql("""
                UPDATE family_separation SET reunified_at = :at, reunified_by = :actor, reunified_note = :note
                 WHERE child_case_number = :child AND parent_case_number = :parent AND reunified_at IS NULL
                """)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("note", note)
                .param("child", childCaseNumber)
                .param("parent", parentCaseNumber)
                .update() == 1;
    }

    /** The separations of one apprehension event's family, oldest first. */
    public List<Separation> findByEvent(String eventNumber) {
        return jdbc.sql(SELECT + " WHERE event_number = :event ORDER BY decided_at, id")
                .param("event", eventNumber)
                .query(SeparationRepository::separation)
                .list();
    }

    /** The separations that involve the case, as the child or as the parent, oldest first. */
    public List<Separation> findOfCase(String caseNumber) {
        return jdbc.sql(SELECT + " WHERE child_case_number = :case OR parent_case_number = :case"
                        + " ORDER BY decided_at, id")
                .param("case", caseNumber)
                .query(SeparationRepository::separation)
                .list();
    }

    public Optional<Separation> find(String childCaseNumber, String parentCaseNumber) {
        return jdbc.sql(SELECT + " WHERE child_case_number = :child AND parent_case_number = :parent")
                .param("child", childCaseNumber)
                .param("parent", parentCaseNumber)
                .query(SeparationRepository::separation)
                .optional();
    }

    /** The separations decided in [from, to), oldest first: what the report of the period counts. */
    public List<Separation> decidedBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE decided_at >= :from AND decided_at < :to ORDER BY decided_at, id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(SeparationRepository::separation)
                .list();
    }

    private static final String SELECT = """
            SELECT id, event_number, child_case_number, parent_case_number, reason, note, decided_at, decided_by,
                   reunified_at, reunified_by, reunified_note
              FROM family_separation""";

    private static Separation separation(ResultSet rs, int row) throws SQLException {
        Timestamp reunified = rs.getTimestamp("reunified_at");
        return new Separation(rs.getLong("id"), rs.getString("event_number"), rs.getString("child_case_number"),
                rs.getString("parent_case_number"), SeparationReason.valueOf(rs.getString("reason")),
                rs.getString("note"), rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"),
                reunified == null ? null : reunified.toInstant(), rs.getString("reunified_by"),
                rs.getString("reunified_note"));
    }
}
