package org.bordercustody.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bordercustody.custody.BreachRepository;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.release.IntendedAddress;
import org.bordercustody.release.ReleaseRepository;
import org.springframework.stereotype.Component;

/** Where the person of each encounter is now, and how the encounter went, in words: read for many at once. */
@Component
class WhereNow {

    /** One encounter as a person reads it. */
    record Encounter(CustodyCase custodyCase, String whereNow, boolean missedCheckIn) {

        /** "2026-11-25 11:14 UTC at CHU (sector SDC): released to Charlotte, NC; missed the check-in". */
        String words() {
            return CustodyProcessStarter.shown(custodyCase.apprehendedAt()) + " at " + custodyCase.station()
                    + " (sector " + custodyCase.sector() + "), case " + custodyCase.caseNumber() + ": " + whereNow
                    + (missedCheckIn && !whereNow.contains("missed") ? "; missed a check-in" : "");
        }
    }

    private final ReleaseRepository releases;
    private final BreachRepository breaches;

    WhereNow(ReleaseRepository releases, BreachRepository breaches) {
        this.releases = releases;
        this.breaches = breaches;
    }

    List<Encounter> of(Collection<CustodyCase> encounters) {
        List<String> numbers = encounters.stream().map(CustodyCase::caseNumber).toList();
        Map<String, IntendedAddress> addresses = releases.addressesOf(numbers);
        Set<String> missed = breaches.missedCheckIns(numbers);
        return encounters.stream()
                .map(custodyCase -> new Encounter(custodyCase,
                        words(custodyCase, addresses.get(custodyCase.caseNumber()),
                                missed.contains(custodyCase.caseNumber())),
                        missed.contains(custodyCase.caseNumber())))
                .toList();
    }

    private static String words(CustodyCase custodyCase, IntendedAddress address, boolean missedCheckIn) {
        String releasedTo = address == null ? "Released" : "Released to " + address.city() + ", " + address.state();
        return switch (custodyCase.status()) {
            case IN_CBP_CUSTODY -> "In CBP custody at station " + custodyCase.station() + ", sector "
                    + custodyCase.sector();
            case TRANSFERRED_TO_ICE -> "Transferred to ICE custody" + since(custodyCase.leftCbpCustodyAt());
            case TRANSFERRED_TO_ORR -> "Transferred to HHS ORR care" + since(custodyCase.leftCbpCustodyAt());
            case RELEASED_AWAITING_CHECK_IN -> releasedTo + "; check-in with ICE due";
            case CHECK_IN_OVERDUE -> releasedTo + "; missed the check-in with ICE";
            case CHECKED_IN -> releasedTo + "; reported to ICE";
            case REMOVED -> "Removed or returned" + since(custodyCase.leftCbpCustodyAt());
            case RE_ENCOUNTERED -> releasedTo + (missedCheckIn ? "; missed the check-in, then apprehended again"
                    : "; apprehended again before the check-in");
        };
    }

    private static String since(Instant at) {
        return at == null ? "" : " on " + CustodyProcessStarter.shown(at).substring(0, 10);
    }
}
