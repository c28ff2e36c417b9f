package org.bordercustody.benchmark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application's connection pool as its Prometheus endpoint reports it: how long callers waited for one. */
final class PoolMetrics {

    private static final Pattern COUNT = Pattern.compile("hikaricp_connections_acquire_seconds_count\\{[^}]*} (\\S+)");
    private static final Pattern SUM = Pattern.compile("hikaricp_connections_acquire_seconds_sum\\{[^}]*} (\\S+)");
    private static final Pattern MAX = Pattern.compile("hikaricp_connections_acquire_seconds_max\\{[^}]*} (\\S+)");

    record Snapshot(double acquisitions, double secondsWaited, double maxSeconds) {

        /** Mean wait per acquisition between {@code earlier} and this snapshot, in milliseconds. */
        double meanWaitMillisSince(Snapshot earlier) {
            double count = acquisitions - earlier.acquisitions;
            return count == 0 ? 0 : 1000 * (secondsWaited - earlier.secondsWaited) / count;
        }
    }

    private PoolMetrics() {
    }

    static Snapshot read(BenchmarkClient client) {
        try {
            String text = client.get("prometheus", "/actuator/prometheus");
            return new Snapshot(value(COUNT, text), value(SUM, text), value(MAX, text));
        } catch (Exception e) {
            return new Snapshot(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    private static double value(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
