package org.bordercustody.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bordercustody.custody.CaseRecorded;
import org.bordercustody.custody.LegalClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what happens to cases on this node, once its transaction committed: apprehensions per sector, releases,
 * transfers, removals, breaches per clock. Prometheus adds the nodes up and reads rates, as with any counter; a
 * restart starts a node's counters at zero, which rate() and increase() allow for.
 */
@Component
class OperationsCounters {

    static final String OTHER_SECTOR = "OTHER";

    private final MeterRegistry registry;
    private final OperationsProperties properties;
    private final Set<String> sectors = ConcurrentHashMap.newKeySet();

    OperationsCounters(MeterRegistry registry, OperationsProperties properties) {
        this.registry = registry;
        this.properties = properties;
        released().increment(0);
        removed().increment(0);
        transferred("ice").increment(0);
        transferred("orr").increment(0);
        for (LegalClock clock : LegalClock.values()) {
            breaches(clock.name()).increment(0);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void count(CaseRecorded recorded) {
        switch (recorded.type()) {
            case "APPREHENDED" -> apprehended(recorded.sector()).increment();
            case "RELEASED" -> released().increment();
            case "TRANSFERRED_TO_ICE" -> transferred("ice").increment();
            case "TRANSFERRED_TO_ORR" -> transferred("orr").increment();
            case "REMOVED", "RETURNED" -> removed().increment();
            case "CLOCK_BREACHED" -> breaches(recorded.clock()).increment();
            default -> {
                // other timeline entries are not counted
            }
        }
    }

    private Counter apprehended(String sector) {
        String label = sector == null ? OTHER_SECTOR : sector;
        if (!sectors.contains(label) && sectors.size() >= properties.maxSectors()) {
            label = OTHER_SECTOR;
        }
        sectors.add(label);
        return Counter.builder("custody.apprehended").description("People apprehended, by Border Patrol sector")
                .tag("sector", label).register(registry);
    }

    private Counter released() {
        return Counter.builder("custody.released").description("People released").register(registry);
    }

    private Counter removed() {
        return Counter.builder("custody.removed").description("People removed or returned").register(registry);
    }

    private Counter transferred(String to) {
        return Counter.builder("custody.transferred").description("People transferred out of CBP custody")
                .tag("to", to).register(registry);
    }

    private Counter breaches(String clock) {
        return Counter.builder("custody.breaches").description("Legal clocks that ran out, by clock")
                .tag("clock", clock == null ? "UNKNOWN" : clock).register(registry);
    }
}
