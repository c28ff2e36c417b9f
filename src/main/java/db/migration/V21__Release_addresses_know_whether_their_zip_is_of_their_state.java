package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.bordercustody.release.ZipPrefixes;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An intended address counts as valid only if its ZIP code lies in its state ({@link ZipPrefixes}). The cases
 * released to an address recorded before that rule are checked here once, as every new address is when recorded, so
 * that the reports count those that were not valid.
 */
public class V21__Release_addresses_know_whether_their_zip_is_of_their_state extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ZipPrefixes zipPrefixes = new ZipPrefixes();
        try (Statement select = connection.createStatement();
                ResultSet addresses = select.executeQuery("SELECT case_number, state, zip FROM release_address");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE custody_case SET release_address_valid = ? WHERE case_number = ?")) {
            int pending = 0;
            while (addresses.next()) {
                update.setBoolean(1, zipPrefixes.inState(addresses.getString("zip"), addresses.getString("state")));
                update.setString(2, addresses.getString("case_number"));
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
    }
}
