package org.bordercustody.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bordercustody.partner.PartnerDeliveries.Due;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of a partner's delivery: every event due for the partner's webhook, in the order of the feed, for a few
 * seconds at most; the process waits a moment and runs again. Runs are jobs of Camunda's job executor, one partner's
 * at a time across the cluster. A failed attempt waits longer each time and is never given up; while a partner's
 * oldest undelivered event is older than {@code custody.partners.failing-after}, an incident on the partner's
 * delivery process says so in Cockpit, and goes once the webhook answers again.
 */
@Component("deliverPartnerEvents")
class DeliverPartnerEventsDelegate implements JavaDelegate {

    static final String INCIDENT_TYPE = "partnerDeliveryFailing";
    private static final Logger LOG = LoggerFactory.getLogger(DeliverPartnerEventsDelegate.class);
    private static final Duration LONGEST_RUN = Duration.ofSeconds(15);

    private final PartnerEventFeed feed;
    private final PartnerDeliveries deliveries;
    private final WebhookSender sender;
    private final PartnerProperties properties;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final Clock clock;

    DeliverPartnerEventsDelegate(PartnerEventFeed feed, PartnerDeliveries deliveries, WebhookSender sender,
            PartnerProperties properties, RuntimeService runtimeService, ObjectMapper json, Clock clock) {
        this.feed = feed;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.runtimeService = runtimeService;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        Partner partner = Partner.ofCode(execution.getProcessBusinessKey());
        Optional<PartnerProperties.Webhook> webhook = properties.webhookOf(partner);
        if (webhook.isEmpty()) {
            return;
        }
        deliveries.takeTurn(partner);
        feed.placeCommitted();
        Instant until = clock.instant().plus(LONGEST_RUN);
        Set<String> failedCases = new HashSet<>();
        List<Due> due;
        while (clock.instant().isBefore(until) && !(due = deliveries.due(partner, clock.instant(), 100)).isEmpty()) {
            boolean any = false;
            for (Due delivery : due) {
                if (failedCases.contains(delivery.caseNumber())) {
                    continue;
                }
                any = true;
                String body = json.writeValueAsString(PartnerEventFeed.cloudEvent(json, delivery.eventId(),
                        delivery.type(), delivery.caseNumber(), delivery.occurredAt(), json.readTree(delivery.data())));
                WebhookSender.Answer answer = sender.send(webhook.get(), delivery.eventId(), body);
                if (answer.acknowledged()) {
                    deliveries.delivered(partner, delivery.eventId(), clock.instant(), answer.words());
                } else {
                    deliveries.failed(partner, delivery, clock.instant(), answer.words(), properties.firstRetry());
                    failedCases.add(delivery.caseNumber());
                    LOG.info("Delivery of event {} of case {} to {} failed ({}), attempt {}", delivery.eventId(),
                            delivery.caseNumber(), partner.code(), answer.words(), delivery.attempts() + 1);
                }
            }
            if (!any) {
                break;
            }
        }
        flagFailing(partner, execution);
    }

    /** An incident while the oldest waiting event is older than the limit; resolved once nothing waits that long. */
    private void flagFailing(Partner partner, DelegateExecution execution) {
        Instant limit = clock.instant().minus(properties.failingAfter());
        boolean failing = deliveries.oldestWaiting(partner).filter(oldest -> oldest.isBefore(limit)).isPresent();
        List<Incident> open = runtimeService.createIncidentQuery().incidentType(INCIDENT_TYPE)
                .processInstanceId(execution.getProcessInstanceId()).list();
        if (failing && open.isEmpty()) {
            PartnerDeliveries.Waiting waiting = deliveries.waiting(partner);
            runtimeService.createIncident(INCIDENT_TYPE, execution.getId(), partner.code(),
                    "Deliveries to the " + partner.name() + " webhook failing for over "
                            + properties.failingAfter().toMinutes() + " minutes: " + waiting.events() + " events of "
                            + waiting.cases() + " cases waiting; last answer: " + waiting.lastAnswer()
                            + ". Retried by itself; resolved once the webhook answers.");
        } else if (!failing) {
            open.forEach(incident -> runtimeService.resolveIncident(incident.getId()));
        }
    }
}
