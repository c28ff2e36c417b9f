package org.bordercustody.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The names encounters recorded, by the keys of {@link PersonName}: a name with one typo per part is found through
 * the same B-tree index on H2 and PostgreSQL, so both give the same encounters for the same data.
 */
@Repository
public class EncounterNames {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public EncounterNames(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Files the encounter under every key of the name, in one batch. */
    public void index(String caseNumber, PersonName name) {
        List<String> keys = List.copyOf(name.searchKeys());
        batch.batchUpdate("INSERT INTO encounter_name_key (name_key, case_number) VALUES (?, ?)", keys, keys.size(),
                (statement, key) -> {
                    statement.setString(1, key);
                    statement.setString(2, caseNumber);
                });
    }

    /** Born on a day or within a span of days; either end may be open. */
    public record Born(LocalDate from, LocalDate to) {

        public static Born on(LocalDate day) {
            return new Born(day, day);
        }

        public static Born in(int year) {
            return new Born(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
    }

    /**
     * Encounters whose name holds every part of {@code name}: first those holding each part exactly, then, if fewer
     * than {@code cap}, those holding each part with one typo; in case number order within each, at most {@code cap}.
     * A superset of what {@link PersonName#typosToFind} accepts, which decides.
     */
    public List<String> casesNamed(PersonName name, Born born, String country, int cap) {
        Set<String> found = new LinkedHashSet<>(casesHolding(name, born, country, cap, true));
        if (found.size() < cap) {
            found.addAll(casesHolding(name, born, country, cap, false));
        }
        return found.stream().limit(cap).toList();
    }

    /** Encounters of people born in the span, in case number order, at most {@code cap}. */
    public List<String> casesBorn(Born born, String country, int cap) {
        StringBuilder sql = new StringBuilder("SELECT c.case_number FROM custody_case c WHERE 1 = 1");
        var statement = new ArrayList<Object[]>();
        appendBorn(sql, statement, born, country);
        sql.append(" ORDER BY c.case_number FETCH FIRST ").append(cap).append(" ROWS ONLY");
        var query = jdbc.sql(sql.toString());
        for (Object[] parameter : statement) {
            query = query.param((String) parameter[0], parameter[1]);
        }
        return query.query(String.class).list();
    }

    private List<String> casesHolding(PersonName name, Born born, String country, int cap, boolean exactly) {
        StringBuilder sql = new StringBuilder("SELECT c.case_number FROM custody_case c WHERE 1 = 1");
        var statement = new ArrayList<Object[]>();
        List<String> parts = name.parts();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(" AND c.case_number IN (SELECT k.case_number FROM encounter_name_key k WHERE k.name_key IN (:part")
                    .append(i).append("))");
            statement.add(new Object[] {"part" + i,
                    List.copyOf(exactly ? Set.of(parts.get(i)) : PersonName.keysOf(parts.get(i)))});
        }
        appendBorn(sql, statement, born, country);
        sql.append(" ORDER BY c.case_number FETCH FIRST ").append(cap).append(" ROWS ONLY");
        var query = jdbc.sql(sql.toString());
        for (Object[] parameter : statement) {
            query = query.param((String) parameter[0], parameter[1]);
        }
        return query.query(String.class).list();
    }

    private static void appendBorn(StringBuilder sql, List<Object[]> statement, Born born, String country) {
        if (born != null && born.from() != null) {
            sql.append(" AND c.date_of_birth >= :bornFrom");
            statement.add(new Object[] {"bornFrom", born.from()});
        }
        if (born != null && born.to() != null) {
            sql.append(" AND c.date_of_birth <= :bornTo");
            statement.add(new Object[] {"bornTo", born.to()});
        }
        if (country != null) {
            sql.append(" AND c.country_of_citizenship = :country");
            statement.add(new Object[] {"country", country});
        }
    }
}
