package org.bordercustody.custody;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The earlier encounter a new one probably is the same person as, and the agent's answer to it. */
@Repository
public class ProbableMatchRepository {

    public static final String SAME_PERSON = "SAME_PERSON";
    public static final String ANOTHER_PERSON = "ANOTHER_PERSON";

    /** The question asked of an encounter, and its answer once given. */
    public record ProbableMatch(String caseNumber, String earlierCaseNumber, String answer) {
    }

    private final JdbcClient jdbc;

    ProbableMatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void ask(String caseNumber, String earlierCaseNumber) {
        jdbc.sql("INSERT INTO probable_match (case_number, earlier_case_number) VALUES (:caseNumber, :earlier)")
                .param("caseNumber", caseNumber).param("earlier", earlierCaseNumber).update();
    }

    public Optional<ProbableMatch> of(String caseNumber) {
        return jdbc.sql("SELECT case_number, earlier_case_number, answer FROM probable_match WHERE case_number = :c")
                .param("c", caseNumber)
                .query((rs, row) -> new ProbableMatch(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public void answer(String caseNumber, String answer, String by, Instant at) {
        jdbc.sql("UPDATE probable_match SET answer = :answer, answered_by = :by, answered_at = :at"
                        + " WHERE case_number = :caseNumber")
                .param("answer", answer).param("by", by).param("at", CustodyCaseRepository.utc(at))
                .param("caseNumber", caseNumber).update();
    }
}
