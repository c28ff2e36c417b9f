package org.bordercustody.release;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Which state's ZIP codes each three-digit ZIP prefix holds (reference/zip-prefixes.csv, its source and date in
 * reference/README.md), read once at start: an address's ZIP code must lie in its state for ICE to find the person.
 */
@Component
public class ZipPrefixes {

    static final String LOCATION = "reference/zip-prefixes.csv";
    private static final Pattern PREFIX = Pattern.compile("\\d{3}");

    record Row(String prefix, String state) {
    }

    private final Map<String, Set<String>> statesByPrefix;

    public ZipPrefixes() {
        this.statesByPrefix = load();
    }

    /** Whether the ZIP code (5 digits, or 5+4) is one of the state's; false for anything else. */
    public boolean inState(String zip, String state) {
        if (zip == null || state == null || zip.length() < 5) {
            return false;
        }
        return statesByPrefix.getOrDefault(zip.substring(0, 3), Set.of()).contains(state);
    }

    /** The states whose ZIP codes begin with the ZIP code's three digits; empty for a prefix nobody holds. */
    public Set<String> statesOf(String zip) {
        return zip == null || zip.length() < 3 ? Set.of() : statesByPrefix.getOrDefault(zip.substring(0, 3), Set.of());
    }

    private static Map<String, Set<String>> load() {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        Map<String, Set<String>> states = new HashMap<>();
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream();
                MappingIterator<Row> rows = mapper.readerFor(Row.class).with(schema).readValues(in)) {
            while (rows.hasNext()) {
                Row row = rows.next();
                if (row.prefix() == null || !PREFIX.matcher(row.prefix()).matches() || row.state() == null
                        || !AddressRules.STATE_CODES.contains(row.state()) && !FREELY_ASSOCIATED.contains(row.state())) {
                    throw new IllegalStateException(LOCATION + ": the row " + row + " is not a prefix and a state code");
                }
                states.computeIfAbsent(row.prefix(), prefix -> new HashSet<>()).add(row.state());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ZIP prefixes at " + LOCATION, e);
        }
        states.replaceAll((prefix, set) -> Set.copyOf(set));
        return Map.copyOf(states);
    }

    /** Palau, Micronesia and the Marshall Islands: served by the Postal Service, not addresses a release can name. */
    private static final Set<String> FREELY_ASSOCIATED = Set.of("PW", "FM", "MH");
}
