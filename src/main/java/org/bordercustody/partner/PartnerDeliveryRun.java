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
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of a partner's delivery, a job of Camunda's job executor ({@link PartnerDeliveryJobs}): every event due for
 * the partner's webhook, in the order of the feed, for a few seconds at most. Runs to one partner take turns across
 * the cluster; a run that finds the turn taken comes again a moment later. A failed attempt waits longer each time
 * and is never given up: the run ends with a job for the next attempt due. While a partner's oldest undelivered
 * event is older than {@code custody.partners.failing-after}, a "Partner webhook failing" process carries an
 * incident saying so in Cockpit; it is resolved and the process ends once the webhook answers again.
 */
@Component
class PartnerDeliveryRun {

    static final String INCIDENT_TYPE = "partnerDeliveryFailing";
    static final String FAILING_PROCESS_KEY = "partnerWebhookFailing";
    static final String FAILING_WAIT = "Task_WebhookAnswersAgain";
    static final String WEBHOOK_ANSWERS = "partnerWebhookAnswers";
    /** How soon a run that found another run delivering comes again. */
    static final Duration TURN_TAKEN_WAIT = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(PartnerDeliveryRun.class);
    private static final Duration LONGEST_RUN = Duration.ofSeconds(15);

    private final PartnerEventFeed feed;
    private final PartnerDeliveries deliveries;
    private final PartnerDeliveryJobs jobs;
    private final WebhookSender sender;
    private final PartnerProperties properties;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final Clock clock;

    PartnerDeliveryRun(PartnerEventFeed feed, PartnerDeliveries deliveries, PartnerDeliveryJobs jobs,
            WebhookSender sender, PartnerProperties properties, RuntimeService runtimeService, ObjectMapper json,
            Clock clock) {
        this.feed = feed;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.sender = sender;
        this.properties = properties;
        this.runtimeService = runtimeService;
        this.json = json;
        this.clock = clock;
    }

    /** Runs in the transaction of the delivery job. */
    void run(Partner partner) throws JsonProcessingException {
        Optional<PartnerProperties.Webhook> webhook = properties.webhookOf(partner);
        if (webhook.isEmpty()) {
            return;
        }
        if (!deliveries.takeTurn(partner)) {
            // Another run delivers; it may have read what is due before this run's change committed.
            jobs.scheduleUnlessPending(partner, clock.instant().plus(TURN_TAKEN_WAIT));
            return;
        }
        feed.placeCommitted();
        deliverDue(partner, webhook.get());
        Optional<Instant> oldestWaiting = deliveries.oldestWaiting(partner);
        boolean failing = flagFailing(partner, oldestWaiting);
        nextRun(partner, oldestWaiting, failing).ifPresent(at -> jobs.scheduleUnlessPending(partner, at));
    }

    private void deliverDue(Partner partner, PartnerProperties.Webhook webhook) throws JsonProcessingException {
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
                WebhookSender.Answer answer = sender.send(webhook, delivery.eventId(), body);
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
    }

    /**
     * When the partner needs its next run: the next attempt due, or sooner the moment the oldest waiting event
     * would have failed for too long; none when nothing waits.
     */
    private Optional<Instant> nextRun(Partner partner, Optional<Instant> oldestWaiting, boolean failing) {
        Optional<Instant> next = deliveries.nextAttempt(partner);
        if (next.isEmpty() || failing) {
            return next;
        }
        Optional<Instant> tooLong = oldestWaiting.map(oldest -> oldest.plus(properties.failingAfter()));
        return tooLong.filter(at -> at.isBefore(next.get())).or(() -> next);
    }

    /**
     * The execution waiting in the receive task of a process started in this transaction: not flushed yet, so found
     * among the instance's children rather than by a query. The task waits for a message, which makes it a scope of
     * its own.
     */
    private static String waitingExecution(String processInstanceId) {
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return instance.getExecutions().stream().filter(child -> FAILING_WAIT.equals(child.getActivityId()))
                .map(ExecutionEntity::getId).findFirst()
                .orElseThrow(() -> new IllegalStateException("the failing process does not wait in " + FAILING_WAIT));
    }

    /**
     * A "Partner webhook failing" process with its incident while the oldest waiting event is older than the limit;
     * resolved and ended once nothing waits that long. Answers whether the partner's deliveries are failing.
     */
    private boolean flagFailing(Partner partner, Optional<Instant> oldestWaiting) {
        Instant limit = clock.instant().minus(properties.failingAfter());
        boolean failing = oldestWaiting.filter(oldest -> !oldest.isAfter(limit)).isPresent();
        ProcessInstance open = runtimeService.createProcessInstanceQuery().processDefinitionKey(FAILING_PROCESS_KEY)
                .processInstanceBusinessKey(partner.code()).list().stream().findFirst().orElse(null);
        if (failing && open == null) {
            String waiting = waitingExecution(
                    runtimeService.startProcessInstanceByKey(FAILING_PROCESS_KEY, partner.code()).getId());
            PartnerDeliveries.Waiting what = deliveries.waiting(partner);
            runtimeService.createIncident(INCIDENT_TYPE, waiting, partner.code(),
                    "Deliveries to the " + partner.name() + " webhook failing for over "
                            + properties.failingAfter().toMinutes() + " minutes: " + what.events() + " events of "
                            + what.cases() + " cases waiting; last answer: " + what.lastAnswer()
                            + ". Retried by itself; resolved once the webhook answers.");
            LOG.warn("Deliveries to the {} webhook failing: {} events waiting", partner.code(), what.events());
        } else if (!failing && open != null) {
            runtimeService.createIncidentQuery().processInstanceId(open.getId()).incidentType(INCIDENT_TYPE).list()
                    .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
            runtimeService.createMessageCorrelation(WEBHOOK_ANSWERS).processInstanceId(open.getId()).correlate();
            LOG.info("Deliveries to the {} webhook flow again", partner.code());
        }
        return failing;
    }
}
