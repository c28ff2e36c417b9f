package org.bordercustody.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How long people were in CBP custody, to the tenth of an hour (6 minutes, rounded down), as counts per tenth: what
 * the database counts per group, merged for any grouping without reading each case again; median, percentiles and
 * maximum come from it exactly at that resolution.
 */
final class HoursInCustody {

    /** Bands of the distribution, in hours: 12-hour steps to the 72-hour limit, then days past it. */
    static final int[] BANDS = {0, 12, 24, 36, 48, 60, 72, 96, 120};

    private final NavigableMap<Long, Long> peopleByTenths = new TreeMap<>();
    private long people;

    void add(long tenthsOfAnHour, long count) {
        peopleByTenths.merge(Math.max(0, tenthsOfAnHour), count, Long::sum);
        people += count;
    }

    void addAll(HoursInCustody other) {
        other.peopleByTenths.forEach(this::add);
    }

    long people() {
        return people;
    }

    /** The longest custody, in hours; null when nobody's custody ended. */
    Double maximum() {
        return people == 0 ? null : hours(peopleByTenths.lastKey());
    }

    /**
     * The value below which the fraction {@code p} of people lie, interpolated between the two nearest ranks as SQL's
     * PERCENTILE_CONT does (so the median of an even count is the mean of the middle two); null when nobody's custody
     * ended.
     */
    Double percentile(double p) {
        if (people == 0) {
            return null;
        }
        double rank = p * (people - 1);
        long lower = (long) Math.floor(rank);
        double lowerValue = valueAtRank(lower);
        double upperValue = valueAtRank((long) Math.ceil(rank));
        return hours(Math.round(lowerValue + (rank - lower) * (upperValue - lowerValue)));
    }

    private double valueAtRank(long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> tenths : peopleByTenths.entrySet()) {
            seen += tenths.getValue();
            if (rank < seen) {
                return tenths.getKey();
            }
        }
        return peopleByTenths.lastKey();
    }

    /** People by band of hours ("0-12", …, "120+"), every band present; the bands add up to {@link #people()}. */
    Map<String, Long> distribution() {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.length; i++) {
            long low = BANDS[i] * 10L;
            boolean last = i + 1 == BANDS.length;
            long count = (last ? peopleByTenths.tailMap(low, true)
                    : peopleByTenths.subMap(low, true, BANDS[i + 1] * 10L, false)).values().stream()
                    .mapToLong(Long::longValue).sum();
            bands.put(last ? BANDS[i] + "+" : BANDS[i] + "-" + BANDS[i + 1], count);
        }
        return bands;
    }

    private static double hours(long tenths) {
        return tenths / 10.0;
    }
}
