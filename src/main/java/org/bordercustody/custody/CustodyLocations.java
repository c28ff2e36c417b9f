package org.bordercustody.custody;

import org.bordercustody.facility.Facilities;
import org.bordercustody.facility.Facility;
import org.bordercustody.facility.FacilityKind;
import org.bordercustody.identity.Sectors;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a person in CBP custody to another station, of the same sector or another: the case is then held there,
 * its processes are in the new sector's tenant (who sees the case moves with the person), and the timeline says
 * from where to where, why and who moved them.
 */
@Service
public class CustodyLocations {

    public static final int LONGEST_REASON = 1000;

    private final CustodyCaseRepository cases;
    private final CaseTenants tenants;
    private final Facilities facilities;
    private final Sectors sectors;
    private final Timeline timeline;

    CustodyLocations(CustodyCaseRepository cases, CaseTenants tenants, Facilities facilities, Sectors sectors,
            Timeline timeline) {
        this.cases = cases;
        this.tenants = tenants;
        this.facilities = facilities;
        this.sectors = sectors;
        this.timeline = timeline;
    }

    /** Where the person is held after the move. */
    @Transactional
    public HeldBy move(String caseNumber, String stationCode, String reason, String actor) {
        Facility station = facilities.find(stationCode).filter(facility -> facility.kind() == FacilityKind.CBP_HOLDING)
                .orElseThrow(() -> new InvalidRequestException("station", "is not a Border Patrol station of the"
                        + " reference list (GET /api/facilities?kind=CBP_HOLDING)"));
        if (sectors.find(station.sector()).isEmpty()) {
            throw new IllegalStateException("Station " + station.code() + " belongs to no sector of the reference list");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "is required: say why the person is moved");
        }
        if (reason.length() > LONGEST_REASON) {
            throw new InvalidRequestException("reason", "is longer than " + LONGEST_REASON + " characters");
        }
        cases.lockCase(caseNumber);
        CustodyCase custodyCase = cases.get(caseNumber);
        if (custodyCase.status() != CaseStatus.IN_CBP_CUSTODY) {
            throw new ConflictException(custodyCase.displayName() + " is no longer in CBP custody: only a person held"
                    + " at a station can be moved to another");
        }
        if (station.code().equals(custodyCase.station())) {
            throw new ConflictException(custodyCase.displayName() + " is held at " + station.name() + " already");
        }
        HeldBy to = new HeldBy(station.sector(), station.code());
        cases.moveHeldBy(caseNumber, to);
        if (!to.sector().equals(custodyCase.sector())) {
            tenants.move(caseNumber, to.sector());
        }
        timeline.record(caseNumber, "MOVED", "Moved from station " + custodyCase.station() + ", sector "
                + custodyCase.sector() + " to " + station.name() + ", sector " + to.sector() + ": " + reason.strip(),
                actor, to.sector(), null);
        return to;
    }
}
