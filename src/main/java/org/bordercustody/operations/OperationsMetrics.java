package org.bordercustody.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.bordercustody.custody.LegalClock;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The custody domain and the engine on /actuator/prometheus, as gauges of the current state. Every gauge reads the
 * same snapshot, taken at most once per refresh interval however many meters a scrape reads; labels are bounded
 * (clock, state, band, incident type, result) and carry no personal data. Counts of what happened are
 * {@link OperationsCounters}.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperationsMetrics.class);

    static final String[] CLOCK_STATES = {"running", "near_limit", "near_limit_no_open_task", "past_limit"};
    static final String[] KNOWN_INCIDENT_TYPES = {"failedJob", "failedExternalTask"};

    private final OperationsQueries queries;
    private final OperationsProperties properties;
    private final Clock clock;
    private final Set<String> incidentTypes = new HashSet<>();
    private OperationsSnapshot snapshot;
    private MeterRegistry registry;

    OperationsMetrics(OperationsQueries queries, OperationsProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The current snapshot, taken anew only when the last one is older than the refresh interval. When the database
     * does not answer, the last snapshot stands (its age says how old it is) rather than failing the whole scrape.
     */
    synchronized OperationsSnapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.at().plus(properties.refreshInterval()).isAfter(now)) {
            try {
                snapshot = queries.snapshot(now, properties.nearLimit());
                registerNewLabels(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("The operations meters could not read the database: {}", e.getMessage());
            }
        }
        return snapshot;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String band : OperationsQueries.BANDS) {
            gauge("custody.in.cbp.custody", "People in CBP custody now, by hours held since apprehension",
                    s -> s.inCbpCustodyByHoursHeld().get(band), "hours_held", band);
            gauge("custody.left.cbp.custody.last.day", "People who left CBP custody in the last 24 hours, by hours held",
                    s -> s.leftCbpCustodyLastDayByHoursHeld().get(band), "hours_held", band);
        }
        gauge("custody.unaccompanied.children.awaiting.orr", "Unaccompanied children in CBP custody, not yet with ORR",
                OperationsSnapshot::unaccompaniedChildrenAwaitingOrr);
        gauge("custody.in.ice.family.custody", "People in ICE family custody now, under the Flores limit (the count of"
                + " the Cockpit panel and the reports)", OperationsSnapshot::inIceFamilyCustody);
        for (LegalClock legalClock : LegalClock.values()) {
            String name = legalClock.name();
            gauge("custody.clock.cases", "Cases per legal clock: running, near the limit, near it with no open task, past it",
                    s -> s.clocks().get(name).running(), "clock", name, "state", CLOCK_STATES[0]);
            gauge("custody.clock.cases", null, s -> s.clocks().get(name).nearLimit(), "clock", name, "state", CLOCK_STATES[1]);
            gauge("custody.clock.cases", null, s -> s.clocks().get(name).nearLimitWithoutOpenTask(),
                    "clock", name, "state", CLOCK_STATES[2]);
            gauge("custody.clock.cases", null, s -> s.clocks().get(name).pastLimit(), "clock", name, "state", CLOCK_STATES[3]);
        }
        Gauge.builder("custody.metrics.snapshot.age.seconds", this, metrics -> {
            OperationsSnapshot current = metrics.snapshot();
            return current == null ? Double.NaN
                    : java.time.Duration.between(current.at(), metrics.clock.instant()).toMillis() / 1000.0;
        }).description("How old the database snapshot behind these meters is").register(registry);
        gauge("camunda.jobs.due", "Jobs due and not yet run (timers, retries, asynchronous steps)",
                OperationsSnapshot::jobsDue);
        gauge("camunda.jobs.oldest.due.age.seconds", "How long the oldest due job has waited",
                OperationsSnapshot::oldestDueJobAgeSeconds);
        gauge("camunda.jobs.failed", "Jobs out of retries (each has an incident)", OperationsSnapshot::failedJobs);
        counter("camunda.jobs.executed", "Jobs the engine ran, as reported to its metrics table",
                s -> s.engineMetricTotals().get(Metrics.JOB_SUCCESSFUL), "result", "successful");
        counter("camunda.jobs.executed", null, s -> s.engineMetricTotals().get(Metrics.JOB_FAILED), "result", "failed");
        counter("camunda.jobs.acquisitions", "Job acquisition attempts and jobs acquired, as reported to its metrics table",
                s -> s.engineMetricTotals().get(Metrics.JOB_ACQUISITION_ATTEMPT), "result", "attempt");
        counter("camunda.jobs.acquisitions", null, s -> s.engineMetricTotals().get(Metrics.JOB_ACQUIRED_SUCCESS),
                "result", "acquired");
        for (String type : KNOWN_INCIDENT_TYPES) {
            incidentGauge(type);
        }
        for (String partner : PARTNERS) {
            gauge("custody.partner.deliveries.waiting", "Events not yet acknowledged by the partner's webhook",
                    s -> partner(s, partner).waiting(), "partner", partner);
            gauge("custody.partner.deliveries.failing", "Events waiting for the partner's webhook after a failed attempt",
                    s -> partner(s, partner).failing(), "partner", partner);
            gauge("custody.partner.deliveries.oldest.waiting.seconds",
                    "How long ago the oldest event still waiting for the partner's webhook happened",
                    s -> partner(s, partner).oldestWaitingSeconds(), "partner", partner);
        }
    }

    private static OperationsSnapshot.PartnerDeliveries partner(OperationsSnapshot snapshot, String partner) {
        return snapshot.partnerDeliveries().getOrDefault(partner, OperationsSnapshot.PartnerDeliveries.NONE);
    }

    /** Incident types appear as incidents do; each gets its series once, up to a bound. */
    /** The partners whose webhooks get events (partner_delivery.partner). */
    static final List<String> PARTNERS = List.of("ice", "orr");

    private void registerNewLabels(OperationsSnapshot current) {
        if (registry == null) {
            return;
        }
        for (String type : current.openIncidentsByType().keySet()) {
            if (incidentTypes.size() < 20 && !incidentTypes.contains(type)) {
                incidentGauge(type);
            }
        }
    }

    private void incidentGauge(String type) {
        incidentTypes.add(type);
        gauge("camunda.incidents.open", "Open incidents, by type", s -> s.openIncidentsByType().getOrDefault(type, 0L),
                "type", type);
    }

    private void gauge(String name, String description, ToDoubleFunction<OperationsSnapshot> value, String... tags) {
        Gauge.builder(name, this, metrics -> read(metrics, value)).description(description).tags(tags).register(registry);
    }

    private void counter(String name, String description, ToDoubleFunction<OperationsSnapshot> value, String... tags) {
        FunctionCounter.builder(name, this, metrics -> read(metrics, value)).description(description).tags(tags)
                .register(registry);
    }

    private static double read(OperationsMetrics metrics, ToDoubleFunction<OperationsSnapshot> value) {
        OperationsSnapshot current = metrics.snapshot();
        return current == null ? Double.NaN : value.applyAsDouble(current);
    }

}
