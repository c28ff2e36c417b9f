package org.bordercustody.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's Prometheus and promtool, when installed (.ci/run installs them); and the exposition text format. */
final class Prometheus {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final Path RULES = Path.of("ops/prometheus/alerts.yml");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    private Prometheus() {
    }

    static boolean installed() {
        return Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
    }

    /** Every sample of a scrape, keyed by name and labels as written, e.g. custody_released_total{...}. */
    static Map<String, Double> samples(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(exposition);
        while (matcher.find()) {
            samples.put(matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2)),
                    Double.parseDouble(matcher.group(3)));
        }
        return samples;
    }

    /** The value of the one sample with this name whose labels contain all of these label pairs. */
    static double value(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().equals(name) || sample.getKey().startsWith(name + "{"))
                .filter(sample -> {
                    for (String label : labels) {
                        if (!sample.getKey().contains(label)) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(Map.Entry::getValue).reduce((a, b) -> {
                    throw new AssertionError("more than one sample of " + name + " with " + String.join(",", labels));
                })
                .orElseThrow(() -> new AssertionError("no sample " + name + " with " + String.join(",", labels)));
    }
}
