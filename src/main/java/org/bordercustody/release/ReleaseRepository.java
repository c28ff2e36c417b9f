package org.bordercustody.release;

import static org.bordercustody.custody.CustodyCaseRepository.utc;

import java.time.Instant;
import java.util.Optional;
import org.bordercustody.release.IntendedAddress.BuildingType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The release side of the case table and the release addresses. */
@Repository
public class ReleaseRepository {

    private final JdbcClient jdbc;

    public ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveAddress(String caseNumber, IntendedAddress address, Instant recordedAt) {
        jdbc.sql("DELETE FROM release_address WHERE case_number = :caseNumber").param("caseNumber", caseNumber).update();
        jdbc.sql("""
                INSERT INTO release_address (case_number, street, unit, city, state, zip, building_type, contact_phone,
                    address_key, recorded_at)
                VALUES (:caseNumber, :street, :unit, :city, :state, :zip, :buildingType, :phone, :key, :recordedAt)
                """)
                .param("caseNumber", caseNumber).param("street", address.street()).param("unit", address.unit())
                .param("city", address.city()).param("state", address.state()).param("zip", address.zip())
                .param("buildingType", address.buildingType().name()).param("phone", address.contactPhone())
                .param("key", address.key()).param("recordedAt", utc(recordedAt))
                .update();
    }

    public Optional<IntendedAddress> addressOf(String caseNumber) {
        return jdbc.sql("SELECT * FROM release_address WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> new IntendedAddress(rs.getString("street"), rs.getString("unit"),
                        BuildingType.valueOf(rs.getString("building_type")), rs.getString("city"), rs.getString("state"),
                        rs.getString("zip"), rs.getString("contact_phone")))
                .optional();
    }

    /** The addresses of many released people at once, by case. */
    public java.util.Map<String, IntendedAddress> addressesOf(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("SELECT * FROM release_address WHERE case_number IN (:cases)")
                .param("cases", java.util.List.copyOf(caseNumbers))
                .query((rs, row) -> java.util.Map.entry(rs.getString("case_number"), new IntendedAddress(
                        rs.getString("street"), rs.getString("unit"), BuildingType.valueOf(rs.getString("building_type")),
                        rs.getString("city"), rs.getString("state"), rs.getString("zip"), rs.getString("contact_phone"))))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** People released to this address since the instant, not counting the people of the given event. */
    public long releasesTo(String addressKey, Instant since, String exceptEvent) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM release_address a JOIN custody_case c ON c.case_number = a.case_number
                 WHERE a.address_key = :key AND c.released_at >= :since AND c.event_number <> :event
                """)
                .param("key", addressKey).param("since", utc(since)).param("event", exceptEvent)
                .query(Long.class).single();
    }
}
