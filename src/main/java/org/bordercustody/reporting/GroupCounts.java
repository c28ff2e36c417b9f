package org.bordercustody.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bordercustody.custody.BreachCause;
import org.bordercustody.custody.LegalClock;

/**
 * The counts of one group of a report (a station, a sector, a month, or the whole period) as the database gave them,
 * before rates and percentiles are derived. Groups add up: a sector's counts are the sum of its stations', the
 * period's the sum of its sectors' or months', so every total is the sum of its parts by construction.
 */
final class GroupCounts {

    static final String NOT_YET_EXPLAINED = "NOT_YET_EXPLAINED";

    long apprehended;
    long familyStatusUndetermined;
    long released;
    long releasedWithVerifiedAddress;
    long releasedWithAddressNotValid;
    long checkInsDue;
    long checkInsOnTime;
    long checkInsLate;
    long checkInsMissed;
    final Map<String, Long> breachesByClock = new LinkedHashMap<>();
    /** Breaches by the cause their follow-up recorded, {@link #NOT_YET_EXPLAINED} until it has; not missed check-ins. */
    final Map<String, Long> breachesByCause = new LinkedHashMap<>();
    final HoursInCustody hoursInCustody = new HoursInCustody();
    long inIceFamilyCustodyAtEnd;

    GroupCounts() {
        for (LegalClock clock : LegalClock.values()) {
            breachesByClock.put(clock.name(), 0L);
        }
        for (BreachCause cause : BreachCause.values()) {
            breachesByCause.put(cause.name(), 0L);
        }
        breachesByCause.put(NOT_YET_EXPLAINED, 0L);
    }

    GroupCounts add(GroupCounts other) {
        apprehended += other.apprehended;
        familyStatusUndetermined += other.familyStatusUndetermined;
        released += other.released;
        releasedWithVerifiedAddress += other.releasedWithVerifiedAddress;
        releasedWithAddressNotValid += other.releasedWithAddressNotValid;
        checkInsDue += other.checkInsDue;
        checkInsOnTime += other.checkInsOnTime;
        checkInsLate += other.checkInsLate;
        checkInsMissed += other.checkInsMissed;
        other.breachesByClock.forEach((clock, count) -> breachesByClock.merge(clock, count, Long::sum));
        other.breachesByCause.forEach((cause, count) -> breachesByCause.merge(cause, count, Long::sum));
        hoursInCustody.addAll(other.hoursInCustody);
        inIceFamilyCustodyAtEnd += other.inIceFamilyCustodyAtEnd;
        return this;
    }

    CustodyMetrics metrics(SeparationFigures separations) {
        long breaches = breachesByClock.values().stream().mapToLong(Long::longValue).sum();
        return new CustodyMetrics(apprehended, released, releasedWithVerifiedAddress, releasedWithAddressNotValid,
                released - releasedWithVerifiedAddress - releasedWithAddressNotValid,
                rate(releasedWithVerifiedAddress, released), checkInsDue, checkInsOnTime, checkInsLate, checkInsMissed,
                rate(checkInsOnTime, checkInsDue), breaches, new LinkedHashMap<>(breachesByClock),
                new LinkedHashMap<>(breachesByCause), familyStatusUndetermined,
                CustodyMetrics.HOURS_OVER, hoursInCustody.people(), hoursInCustody.percentile(0.5),
                hoursInCustody.percentile(0.9), hoursInCustody.percentile(0.95), hoursInCustody.maximum(),
                hoursInCustody.distribution(), inIceFamilyCustodyAtEnd, separations);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
