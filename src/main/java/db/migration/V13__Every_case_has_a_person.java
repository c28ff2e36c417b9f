package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.bordercustody.person.PersonName;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Cases recorded before people were tracked each become the one encounter of a person of their own, with the search
 * keys of their names (computed as {@link PersonName} computes them for every new encounter); then every case must
 * have its person.
 */
public class V13__Every_case_has_a_person extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet cases = select.executeQuery("SELECT case_number, family_name, given_names, apprehended_at"
                        + " FROM custody_case WHERE person_id IS NULL");
                PreparedStatement person = connection.prepareStatement(
                        "INSERT INTO person (person_id, created_at) VALUES (?, ?)");
                PreparedStatement link = connection.prepareStatement(
                        "UPDATE custody_case SET person_id = ? WHERE case_number = ?");
                PreparedStatement key = connection.prepareStatement(
                        "INSERT INTO encounter_name_key (name_key, case_number) VALUES (?, ?)")) {
            int pending = 0;
            while (cases.next()) {
                String caseNumber = cases.getString("case_number");
                UUID personId = UUID.randomUUID();
                person.setObject(1, personId);
                person.setObject(2, cases.getObject("apprehended_at"));
                person.addBatch();
                link.setObject(1, personId);
                link.setString(2, caseNumber);
                link.addBatch();
                for (String nameKey : PersonName.of(cases.getString("family_name"), cases.getString("given_names"))
                        .searchKeys()) {
                    key.setString(1, nameKey);
                    key.setString(2, caseNumber);
                    key.addBatch();
                }
                if (++pending == BATCH) {
                    execute(person, link, key);
                    pending = 0;
                }
            }
            execute(person, link, key);
        }
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE custody_case ALTER COLUMN person_id SET NOT NULL");
        }
    }

    private static void execute(PreparedStatement... batches) throws Exception {
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
        }
    }
}
