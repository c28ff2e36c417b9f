package org.bordercustody.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs over defaults; a name that is neither a default nor optional is refused. */
final class BenchmarkOptions {

    private final Map<String, String> values;

    private BenchmarkOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchmarkOptions parse(String[] args, Map<String, String> defaults, String... optional) {
        Map<String, String> values = new HashMap<>(defaults);
        Set<String> known = Set.of(optional);
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!defaults.containsKey(args[i]) && !known.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            values.put(args[i], args[i + 1]);
        }
        return new BenchmarkOptions(values);
    }

    String text(String name) {
        return values.get(name);
    }

    int number(String name) {
        return Integer.parseInt(values.get(name));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
