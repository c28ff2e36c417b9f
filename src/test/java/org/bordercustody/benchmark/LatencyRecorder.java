package org.bordercustody.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Latencies by call type, and their percentiles. */
final class LatencyRecorder {

    private final Map<String, List<Long>> micros = new ConcurrentHashMap<>();

    void record(String callType, long startedNanos) {
        micros.computeIfAbsent(callType, type -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - startedNanos) / 1000);
    }

    Map<String, double[]> percentilesMillis() {
        Map<String, double[]> result = new TreeMap<>();
        micros.forEach((type, values) -> {
            List<Long> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            Collections.sort(sorted);
            result.put(type, new double[] {sorted.size(), nearestRank(sorted, 0.50) / 1000.0,
                nearestRank(sorted, 0.95) / 1000.0, nearestRank(sorted, 0.99) / 1000.0});
        });
        return result;
    }

    /** Percentiles as {@link #percentilesMillis()} gives them, as a Markdown table, one row per call type. */
    static String markdownTable(Map<String, double[]> percentilesMillis) {
        StringBuilder table = new StringBuilder("| call | count | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        percentilesMillis.forEach((type, p) -> table.append("| %s | %.0f | %.1f | %.1f | %.1f |%n"
                .formatted(type, p[0], p[1], p[2], p[3])));
        return table.toString();
    }

    /** The value at {@code quantile} of sorted values (nearest rank); NaN when there are none. */
    static double nearestRank(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
