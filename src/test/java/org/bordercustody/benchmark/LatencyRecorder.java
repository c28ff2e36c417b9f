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
            result.put(type, new double[] {sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)});
        });
        return result;
    }

    private static double at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
