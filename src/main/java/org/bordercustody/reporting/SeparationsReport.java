package org.bordercustody.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.family.Separation;
import org.bordercustody.family.SeparationReason;
import org.bordercustody.family.SeparationRepository;
import org.springframework.stereotype.Component;

/**
 * The separations of a period as the Inspector General and GAO asked for them (GAO-20-245: separations were not
 * tracked consistently): from the separation rows decided in the period, one per child and adult, to one line per
 * child, then counted.
 */
@Component
class SeparationsReport {

    /** Ages at separation, by band; 12 and under is HHS's tender age. */
    static final String[] AGE_BANDS = {"0-5", "6-12", "13-17"};
    static final String AGE_UNKNOWN = "unknown";
    static final String SECTOR_UNKNOWN = "unknown";

    private final SeparationRepository separations;
    private final CustodyCaseRepository cases;

    SeparationsReport(SeparationRepository separations, CustodyCaseRepository cases) {
        this.separations = separations;
        this.cases = cases;
    }

    /**
     * One child's separation: decided when the child's first row was, reunified when the first of its rows was; with
     * the child's case (null for a case not found), whose sector and station a report groups it by.
     */
    record SeparatedChild(String caseNumber, SeparationReason reason, Instant decidedAt, Instant reunifiedAt,
            CustodyCase custodyCase) {
    }

    /** The separations decided in [start, end), reunifications and hours apart as of {@code asOf}. */
    SeparationFigures between(Instant start, Instant end, Instant asOf) {
        return figures(decidedBetween(start, end, asOf), asOf);
    }

    /** The children separated by decisions in [start, end), each once, reunified as of {@code asOf}. */
    List<SeparatedChild> decidedBetween(Instant start, Instant end, Instant asOf) {
        Map<String, List<Separation>> rowsByChild = separations.decidedBetween(start, end).stream()
                .collect(Collectors.groupingBy(Separation::childCaseNumber, TreeMap::new, Collectors.toList()));
        Map<String, CustodyCase> childCases = cases.findAll(rowsByChild.keySet()).stream()
                .collect(Collectors.toMap(CustodyCase::caseNumber, Function.identity()));
        return rowsByChild.entrySet().stream().map(rows -> child(rows.getKey(), rows.getValue(), asOf,
                childCases.get(rows.getKey()))).toList();
    }

    /** The figures of these children, hours apart as of {@code asOf}. */
    SeparationFigures figures(List<SeparatedChild> children, Instant asOf) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (SeparationReason reason : SeparationReason.values()) {
            byReason.put(reason.name(), children.stream().filter(child -> child.reason() == reason).count());
        }
        Map<String, Long> bySector = children.stream().collect(Collectors.groupingBy(child -> sectorOf(
                child.custodyCase()), TreeMap::new, Collectors.counting()));
        Map<String, Long> byAge = new LinkedHashMap<>();
        for (String band : AGE_BANDS) {
            byAge.put(band, 0L);
        }
        byAge.put(AGE_UNKNOWN, 0L);
        children.forEach(child -> byAge.merge(ageBand(child.custodyCase(), child.decidedAt()), 1L, Long::sum));
        List<Double> hoursApart = children.stream().map(child -> hours(child.decidedAt(),
                child.reunifiedAt() == null ? asOf : child.reunifiedAt())).sorted().toList();
        long reunified = children.stream().filter(child -> child.reunifiedAt() != null).count();
        return new SeparationFigures(children.size(), byReason, bySector, byAge, median(hoursApart),
                hoursApart.isEmpty() ? null : tenths(hoursApart.get(hoursApart.size() - 1)), reunified,
                children.size() - reunified);
    }

    private static SeparatedChild child(String caseNumber, List<Separation> rows, Instant asOf,
            CustodyCase custodyCase) {
        Separation first = rows.stream().min(Comparator.comparing(Separation::decidedAt)
                .thenComparing(Separation::id)).orElseThrow();
        Instant reunifiedAt = rows.stream().map(Separation::reunifiedAt).filter(Objects::nonNull)
                .filter(at -> !at.isAfter(asOf)).min(Comparator.naturalOrder()).orElse(null);
        return new SeparatedChild(caseNumber, first.reason(), first.decidedAt(), reunifiedAt, custodyCase);
    }

    private static String sectorOf(CustodyCase child) {
        return child == null || child.sector() == null ? SECTOR_UNKNOWN : child.sector();
    }

    private static String ageBand(CustodyCase child, Instant at) {
        Integer age = child == null ? null : child.ageAt(at);
        if (age == null) {
            return AGE_UNKNOWN;
        }
        return age <= 5 ? AGE_BANDS[0] : age <= 12 ? AGE_BANDS[1] : AGE_BANDS[2];
    }

    private static double hours(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes()) / 60.0;
    }

    private static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return tenths(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    private static double tenths(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
