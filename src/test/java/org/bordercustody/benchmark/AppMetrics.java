package org.bordercustody.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time goes, read before and after a phase: the application's CPU time and connection-pool waits (its
 * Prometheus endpoint), this load generator's CPU time, and, on Linux, how busy the whole machine was.
 */
final class AppMetrics {

    private static final Pattern COUNT = Pattern.compile("hikaricp_connections_acquire_seconds_count\\{[^}]*} (\\S+)");
    private static final Pattern SUM = Pattern.compile("hikaricp_connections_acquire_seconds_sum\\{[^}]*} (\\S+)");
    private static final Pattern MAX = Pattern.compile("hikaricp_connections_acquire_seconds_max\\{[^}]*} (\\S+)");
    private static final Pattern CPU = Pattern.compile("(?m)^process_cpu_time_ns_total (\\S+)");

    record Snapshot(double acquisitions, double secondsWaited, double maxSeconds, double appCpuNanos,
            double generatorCpuNanos, long[] machineTicks) {

        /** Mean wait per connection acquisition since {@code earlier}, in milliseconds. */
        double poolWaitMillisSince(Snapshot earlier) {
            double count = acquisitions - earlier.acquisitions;
            return count == 0 ? 0 : 1000 * (secondsWaited - earlier.secondsWaited) / count;
        }

        double appCpuMillisSince(Snapshot earlier) {
            return (appCpuNanos - earlier.appCpuNanos) / 1e6;
        }

        double generatorCpuMillisSince(Snapshot earlier) {
            return (generatorCpuNanos - earlier.generatorCpuNanos) / 1e6;
        }

        /** Share of the machine's CPU time that was busy since {@code earlier}, 0 to 1 (NaN off Linux). */
        double machineBusySince(Snapshot earlier) {
            if (machineTicks.length < 4 || earlier.machineTicks.length < 4) {
                return Double.NaN;
            }
            long total = 0;
            long idle = 0;
            for (int i = 0; i < machineTicks.length; i++) {
                long delta = machineTicks[i] - earlier.machineTicks[i];
                total += delta;
                if (i == 3 || i == 4) {
                    idle += delta;
                }
            }
            return total == 0 ? Double.NaN : 1 - (double) idle / total;
        }
    }

    private AppMetrics() {
    }

    static Snapshot read(BenchmarkClient client) {
        String text;
        try {
            text = client.get("prometheus", "/actuator/prometheus");
        } catch (Exception e) {
            text = "";
        }
        return new Snapshot(value(COUNT, text), value(SUM, text), value(MAX, text), value(CPU, text),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime(),
                machineTicks());
    }

    private static long[] machineTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        } catch (Exception e) {
            return new long[0];
        }
    }

    private static double value(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
