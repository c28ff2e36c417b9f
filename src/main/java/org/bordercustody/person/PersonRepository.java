package org.bordercustody.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bordercustody.person.Identifier.Kind;
import org.bordercustody.system.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People, their identifiers and the links of encounters to people. */
@Repository
public class PersonRepository {

    private final JdbcClient jdbc;

    public PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID create(Instant at) {
        UUID personId = UUID.randomUUID();
        jdbc.sql("INSERT INTO person (person_id, created_at) VALUES (:id, :at)")
                .param("id", personId).param("at", utc(at)).update();
        return personId;
    }

    /** The person an id names now: a person merged into another leads to that one. Empty for an unknown id. */
    public Optional<UUID> current(UUID personId) {
        UUID at = personId;
        for (int hops = 0; hops < 32; hops++) {
            Optional<Optional<UUID>> row = jdbc.sql("SELECT merged_into FROM person WHERE person_id = :id")
                    .param("id", at)
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                    .optional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (row.get().isEmpty()) {
                return Optional.of(at);
            }
            at = row.get().get();
        }
        throw new IllegalStateException("person " + personId + " is merged in a loop");
    }

    /** Holds the person's row until the transaction ends: encounters join or leave a person one at a time. */
    public void lock(UUID personId) {
        jdbc.sql("SELECT person_id FROM person WHERE person_id = :id FOR UPDATE").param("id", personId)
                .query(UUID.class).optional();
    }

    public void mergeInto(UUID merged, UUID into) {
        jdbc.sql("UPDATE person SET merged_into = :into WHERE person_id = :id")
                .param("into", into).param("id", merged).update();
    }

    public void unmerge(UUID personId) {
        jdbc.sql("UPDATE person SET merged_into = NULL WHERE person_id = :id").param("id", personId).update();
    }

    /** Who an identifier belongs to, if anyone. */
    public Optional<UUID> ownerOf(Identifier identifier) {
        return jdbc.sql("SELECT person_id FROM person_identifier WHERE kind = :kind AND identifier = :value")
                .param("kind", identifier.kind().name()).param("value", identifier.value())
                .query(UUID.class).optional();
    }

    public Identifiers identifiersOf(UUID personId) {
        return new Identifiers(jdbc.sql(SELECT_IDENTIFIER + " WHERE person_id = :id ORDER BY kind, identifier")
                .param("id", personId).query(PersonRepository::identifier).list());
    }

    /** The identifiers of many people at once, by person. */
    public Map<UUID, Identifiers> identifiersOf(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<UUID, Identifier>> rows = jdbc.sql(SELECT_IDENTIFIER
                        + " WHERE person_id IN (:ids) ORDER BY kind, identifier")
                .param("ids", List.copyOf(personIds))
                .query((rs, n) -> Map.entry(rs.getObject("person_id", UUID.class), identifier(rs, n)))
                .list();
        return rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.collectingAndThen(
                Collectors.mapping(Map.Entry::getValue, Collectors.toList()), Identifiers::new)));
    }

    /**
     * Gives the person an identifier, recorded in an encounter of theirs. Another person's identifier, or a second
     * A-number or FIN, is refused whatever the race: the table's keys decide.
     */
    public void add(UUID personId, Identifier identifier, String caseNumber, Instant at, String by) {
        try {
            jdbc.sql("""
                    INSERT INTO person_identifier (kind, identifier, person_id, person_slot, document_type,
                        document_number, document_country, case_number, recorded_at, recorded_by)
                    VALUES (:kind, :value, :person, :slot, :type, :number, :country, :caseNumber, :at, :by)""")
                    .param("kind", identifier.kind().name()).param("value", identifier.value())
                    .param("person", personId).param("slot", slot(identifier))
                    .param("type", identifier.documentType()).param("number", identifier.documentNumber())
                    .param("country", identifier.documentCountry()).param("caseNumber", caseNumber)
                    .param("at", utc(at)).param("by", by)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the " + identifier.words() + " was recorded for another person at the same"
                    + " moment, or the person already has another " + identifier.kind().words());
        }
    }

    /** Moves the identifiers first recorded in an encounter to the person the encounter now belongs to. */
    public void moveIdentifiersRecordedIn(String caseNumber, UUID to) {
        jdbc.sql("UPDATE person_identifier SET person_id = :to WHERE case_number = :caseNumber")
                .param("to", to).param("caseNumber", caseNumber).update();
    }

    public void moveIdentifiers(UUID from, UUID to) {
        jdbc.sql("UPDATE person_identifier SET person_id = :to WHERE person_id = :from")
                .param("to", to).param("from", from).update();
    }

    /** A link of an encounter to a person: how it came about, and who decided it. */
    public record Link(String caseNumber, UUID personBefore, UUID personAfter, String how, String reason,
            String decidedBy, Instant decidedAt) {
    }

    public void recordLink(Link link) {
        jdbc.sql("""
                INSERT INTO person_link (case_number, person_before, person_after, how, reason, decided_by, decided_at)
                VALUES (:caseNumber, :before, :after, :how, :reason, :by, :at)""")
                .param("caseNumber", link.caseNumber()).param("before", link.personBefore())
                .param("after", link.personAfter()).param("how", link.how()).param("reason", link.reason())
                .param("by", link.decidedBy()).param("at", utc(link.decidedAt()))
                .update();
    }

    /** The encounter's latest link, if it ever joined another person. */
    public Optional<Link> latestLink(String caseNumber) {
        return jdbc.sql("""
                SELECT * FROM person_link WHERE case_number = :caseNumber ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("caseNumber", caseNumber)
                .query((rs, n) -> new Link(rs.getString("case_number"), rs.getObject("person_before", UUID.class),
                        rs.getObject("person_after", UUID.class), rs.getString("how"), rs.getString("reason"),
                        rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static final String SELECT_IDENTIFIER = """
            SELECT person_id, kind, identifier, document_type, document_number, document_country FROM person_identifier""";

    private static Identifier identifier(ResultSet rs, int row) throws SQLException {
        return new Identifier(Kind.valueOf(rs.getString("kind")), rs.getString("identifier"),
                rs.getString("document_type"), rs.getString("document_number"), rs.getString("document_country"));
    }

    private static String slot(Identifier identifier) {
        return identifier.kind() == Kind.DOCUMENT ? "DOCUMENT/" + identifier.value() : identifier.kind().name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
