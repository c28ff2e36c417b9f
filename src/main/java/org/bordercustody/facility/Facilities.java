package org.bordercustody.facility;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The facilities of the reference list (reference/facilities.csv, its sources in reference/README.md), read once at
 * start: a row that does not make sense stops the application there, not at a hand-over.
 */
@Component
public class Facilities {

    static final String LOCATION = "reference/facilities.csv";
    private static final Set<String> SEXES = Set.of(Facility.ANY_SEX, "M", "F");

    private final Map<String, Facility> byCode;

    public Facilities() {
        this.byCode = load();
    }

    /** Every facility, in the order of the file. */
    public List<Facility> all() {
        return List.copyOf(byCode.values());
    }

    public List<Facility> ofKind(FacilityKind kind) {
        return byCode.values().stream().filter(facility -> facility.kind() == kind).toList();
    }

    public List<Facility> ofAgency(Agency agency) {
        return byCode.values().stream().filter(facility -> facility.agency() == agency).toList();
    }

    public Optional<Facility> find(String code) {
        return Optional.ofNullable(code).map(String::strip).map(byCode::get);
    }

    /**
     * The facility of this code, which must be one of the agency's: an unknown code or another agency's facility is
     * refused, naming the field that carried it.
     */
    public Facility ofAgency(String code, Agency agency, String field) {
        Facility facility = find(code).orElseThrow(() -> new InvalidRequestException(field, "is not a facility code of"
                + " the reference list (GET /api/facilities?kind=...)"));
        if (facility.agency() != agency) {
            throw new InvalidRequestException(field, "must be a facility of " + agency + ": " + facility.shown()
                    + " is a facility of " + facility.agency());
        }
        return facility;
    }

    private static Map<String, Facility> load() {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(CsvParser.Feature.TRIM_SPACES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        Map<String, Facility> facilities = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream();
                MappingIterator<Facility> rows = mapper.readerFor(Facility.class).with(schema).readValues(in)) {
            while (rows.hasNext()) {
                Facility facility = rows.next();
                String problem = problemOf(facility);
                if (problem != null || facilities.putIfAbsent(facility.code(), facility) != null) {
                    throw new IllegalStateException(LOCATION + ": the row of " + facility.code() + " "
                            + (problem != null ? problem : "repeats a code"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the facilities at " + LOCATION, e);
        }
        return java.util.Collections.unmodifiableMap(facilities);
    }

    private static String problemOf(Facility facility) {
        if (facility.code() == null || facility.name() == null || facility.agency() == null || facility.kind() == null) {
            return "needs a code, a name, an agency and a kind";
        }
        if (facility.kind().agency() != facility.agency()) {
            return "is a " + facility.kind() + " of " + facility.agency() + ": that kind belongs to "
                    + facility.kind().agency();
        }
        if (facility.minAge() < 0 || facility.minAge() > facility.maxAge()) {
            return "has no ages it may hold";
        }
        if (!SEXES.contains(facility.sexes())) {
            return "has sexes " + facility.sexes() + ", not one of " + SEXES;
        }
        return null;
    }
}
