package org.bordercustody.custody;

import java.time.Clock;
import java.util.Optional;
import org.bordercustody.system.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ids partner systems give their own reports (ICE's id of a check-in, ORR's id of a placement): a report sent
 * again with the same id, after a timeout say, is recognised and changes nothing; the same id for another case is
 * a conflict.
 */
@Repository
public class PartnerRequestIds {

    public static final String CHECK_IN = "check-in";
    public static final String ORR_PLACEMENT = "orr-placement";

    private final JdbcClient jdbc;
    private final Clock clock;

    PartnerRequestIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this id was recorded for this case before; a conflict when it was for another case. */
    public boolean alreadyRecorded(String kind, String requestId, String caseNumber) {
        if (requestId == null) {
            return false;
        }
        Optional<String> recordedFor = jdbc.sql("SELECT case_number FROM partner_request WHERE kind = :kind"
                        + " AND request_id = :id")
                .param("kind", kind).param("id", requestId).query(String.class).optional();
        if (recordedFor.isPresent() && !recordedFor.get().equals(caseNumber)) {
            throw new ConflictException("the " + kind + " id " + requestId + " was given for another case");
        }
        return recordedFor.isPresent();
    }

    public void record(String kind, String requestId, String caseNumber) {
        if (requestId == null) {
            return;
        }
        jdbc.sql("INSERT INTO partner_request (kind, request_id, case_number, recorded_at) VALUES (:kind, :id, :caseNumber, :at)")
                .param("kind", kind).param("id", requestId).param("caseNumber", caseNumber)
                .param("at", CustodyCaseRepository.utc(clock.instant()))
                .update();
    }
}
