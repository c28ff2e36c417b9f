package org.bordercustody.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Logs every read of a person's record, one entry per read, and answers the log to the privacy officer. An entry
 * that cannot be written fails the read: a record must never be read without its entry. The meters count reads by
 * entry point only, never by user (labels carry no personal data); the largest number of cases any one user read
 * in the last hour is the per-user signal the alert watches.
 */
@Component
public class ReadLog {

    static final Duration WINDOW = Duration.ofHours(1);
    /** A scrape reads the per-user gauge at most this often from the table, however many scrapers there are. */
    static final Duration GAUGE_REFRESH = Duration.ofSeconds(30);

    private final CaseReadRepository reads;
    private final Clock clock;
    private final Map<ReadVia, Counter> counters = new EnumMap<>(ReadVia.class);
    private Instant mostCasesReadAt;
    private long mostCasesRead;

    ReadLog(CaseReadRepository reads, Clock clock, MeterRegistry registry,
            @Value("${custody.privacy.unusual-cases-read-per-hour:200}") int unusualCasesPerHour) {
        this.reads = reads;
        this.clock = clock;
        for (ReadVia via : ReadVia.values()) {
            counters.put(via, Counter.builder("custody.record.reads")
                    .description("Reads of a person's record, by entry point")
                    .tag("via", via.name())
                    .register(registry));
        }
        Gauge.builder("custody.record.reads.max.cases.per.user.last.hour", this, ReadLog::mostCasesReadByOneUser)
                .description("The largest number of distinct cases one user read in the last hour")
                .register(registry);
        Gauge.builder("custody.record.reads.unusual.cases.per.user.last.hour", () -> unusualCasesPerHour)
                .description("How many distinct cases one user may read in an hour before the alert calls it unusual")
                .register(registry);
    }

    /** The user read the case through the entry point. */
    public void read(String userId, ReadVia via, String caseNumber) {
        read(userId, via, caseNumber, null);
    }

    /** The user read the case of the person through the entry point. */
    public void read(String userId, ReadVia via, String caseNumber, UUID personId) {
        Assert.hasText(userId, "a read has a reader");
        Assert.hasText(caseNumber, "a read is of a case");
        reads.insert(caseNumber, personId, userId, via, clock.instant());
        counters.get(via).increment();
    }

    /** The user read each of these cases through the entry point, once each. */
    public void readEach(String userId, ReadVia via, Collection<String> caseNumbers) {
        caseNumbers.stream().distinct().forEach(caseNumber -> read(userId, via, caseNumber));
    }

    public List<CaseRead> ofCase(String caseNumber) {
        return reads.ofCase(caseNumber);
    }

    public List<CaseRead> ofUser(String userId) {
        return reads.ofUser(userId);
    }

    private synchronized double mostCasesReadByOneUser() {
        Instant now = clock.instant();
        if (mostCasesReadAt == null || !mostCasesReadAt.plus(GAUGE_REFRESH).isAfter(now)) {
            mostCasesRead = reads.mostCasesReadByOneUserSince(now.minus(WINDOW));
            mostCasesReadAt = now;
        }
        return mostCasesRead;
    }
}
