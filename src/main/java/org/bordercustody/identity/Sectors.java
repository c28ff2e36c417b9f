package org.bordercustody.identity;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sectors of the reference list (reference/sectors.csv, its source in reference/README.md), read once at start.
 */
@Component
public class Sectors {

    static final String LOCATION = "reference/sectors.csv";
    private static final String CODE = "[A-Z][A-Z0-9]{1,7}";

    private final Map<String, Sector> byCode;

    public Sectors() {
        this.byCode = load();
    }

    public List<Sector> all() {
        return List.copyOf(byCode.values());
    }

    public Set<String> codes() {
        return Set.copyOf(byCode.keySet());
    }

    public Optional<Sector> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** The sectors of these ICE field offices; an unknown office has none. */
    public Set<String> ofFieldOffices(Collection<String> offices) {
        return byCode.values().stream().filter(sector -> offices.contains(sector.iceFieldOffice()))
                .map(Sector::code).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, Sector> load() {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(CsvParser.Feature.TRIM_SPACES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        Map<String, Sector> sectors = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream();
                MappingIterator<Sector> rows = mapper.readerFor(Sector.class).with(schema).readValues(in)) {
            while (rows.hasNext()) {
                Sector sector = rows.next();
                if (sector.code() == null || !sector.code().matches(CODE) || sector.name() == null
                        || sector.name().isBlank() || sector.iceFieldOffice() == null) {
                    throw new IllegalStateException(LOCATION + ": a row needs a code (" + CODE + "), a name and a"
                            + " field office: " + sector);
                }
                if (sectors.putIfAbsent(sector.code(), sector) != null) {
                    throw new IllegalStateException(LOCATION + ": sector " + sector.code() + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
        return sectors;
    }
}
