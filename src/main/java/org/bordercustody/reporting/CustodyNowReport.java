package org.bordercustody.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.reporting.CustodyNow.HeldCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The live view of CBP custody for the Cockpit panel. */
@Service
@Transactional(readOnly = true)
public class CustodyNowReport {

    /** Hours held, by band; the last band is past the 72-hour TEDS limit. */
    static final int[] BANDS = {0, 24, 48, 60, 72};
    static final Duration NEAR_LIMIT = Duration.ofHours(12);
    static final int LONGEST_HELD_SHOWN = 10;

    private final JdbcClient jdbc;
    private final CustodyMetricsReport metrics;
    private final Clock clock;

    public CustodyNowReport(JdbcClient jdbc, CustodyMetricsReport metrics, Clock clock) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.clock = clock;
    }

    public CustodyNow now() {
        Instant now = clock.instant();
        List<HeldCase> held = jdbc.sql("""
                SELECT c.case_number, c.classification, c.custody_deadline, e.apprehended_at
                  FROM custody_case c JOIN apprehension_event e ON e.event_number = c.event_number
                 WHERE c.status = 'IN_CBP_CUSTODY'
                 ORDER BY e.apprehended_at
                """)
                .query((rs, row) -> new HeldCase(rs.getString("case_number"), rs.getString("classification"),
                        hoursBetween(CustodyCaseRepository.instant(rs, "apprehended_at"), now),
                        CustodyCaseRepository.instant(rs, "custody_deadline")))
                .list();
        Map<String, Long> byBand = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.length; i++) {
            String band = i + 1 < BANDS.length ? BANDS[i] + "-" + BANDS[i + 1] + " h" : BANDS[i] + "+ h";
            int low = BANDS[i];
            int high = i + 1 < BANDS.length ? BANDS[i + 1] : Integer.MAX_VALUE;
            byBand.put(band, held.stream().filter(c -> c.hoursInCustody() >= low && c.hoursInCustody() < high).count());
        }
        long past = held.stream().filter(c -> !c.custodyDeadline().isAfter(now)).count();
        long near = held.stream().filter(c -> c.custodyDeadline().isAfter(now)
                && !c.custodyDeadline().isAfter(now.plus(NEAR_LIMIT))).count();
        long children = held.stream().filter(c -> "UNACCOMPANIED_CHILD".equals(c.classification())).count();
        String today = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String ninetyDaysAgo = now.minus(Duration.ofDays(89)).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        double compliance = metrics.between(ninetyDaysAgo, today).checkInComplianceRate();
        return new CustodyNow(now, held.size(), byBand, near, past, held.stream().limit(LONGEST_HELD_SHOWN).toList(),
                children, compliance);
    }

    private static double hoursBetween(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0;
    }
}
