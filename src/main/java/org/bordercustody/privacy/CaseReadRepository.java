package org.bordercustody.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read log, append-only: rows are added and read, never changed or deleted. */
@Repository
class CaseReadRepository {

    private final JdbcClient jdbc;

    CaseReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String caseNumber, UUID personId, String userId, ReadVia via, Instant at) {
        jdbc.sql("""
                INSERT INTO case_read (case_number, person_id, user_id, via, read_at)
                VALUES (:caseNumber, :personId, :userId, :via, :at)
                """)
                .param("caseNumber", caseNumber)
                .param("personId", personId)
                .param("userId", userId)
                .param("via", via.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The reads of the case, newest first: those of the case itself and those of its person's page, which shows
     * every encounter of the person.
     */
    List<CaseRead> ofCase(String caseNumber) {
        return jdbc.sql(SELECT + " " + """
                 WHERE r.case_number = :caseNumber
                    OR r.via = 'PERSON' AND r.person_id IN
                       (SELECT c.person_id FROM custody_case c WHERE c.case_number = :caseNumber)
                 ORDER BY r.read_at DESC, r.id DESC""")
                .param("caseNumber", caseNumber)
                .query(CaseReadRepository::read)
                .list();
    }

    /** The reads the user made, newest first. */
    List<CaseRead> ofUser(String userId) {
        return jdbc.sql(SELECT + " WHERE r.user_id = :userId ORDER BY r.read_at DESC, r.id DESC")
                .param("userId", userId)
                .query(CaseReadRepository::read)
                .list();
    }

    /** The largest number of distinct cases one user read since the instant (0 when nobody read any). */
    long mostCasesReadByOneUserSince(Instant since) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(cases), 0) FROM (
                    SELECT COUNT(DISTINCT r.case_number) AS cases FROM case_read r
                     WHERE r.read_at >= :since GROUP BY r.user_id) per_user""")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    private static final String SELECT = "SELECT r.case_number, r.person_id, r.user_id, r.via, r.read_at FROM case_read r";

    private static CaseRead read(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new CaseRead(row.getTimestamp("read_at").toInstant(), row.getString("user_id"),
                ReadVia.valueOf(row.getString("via")), row.getString("case_number"),
                row.getObject("person_id", UUID.class));
    }
}
