package org.bordercustody.partner;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts the delivery process of each partner with a webhook, once across the cluster: one instance per partner
 * (business key "ice", "orr"), kept running by its timer and recorded in partner_pump, whose key refuses a second
 * start by another node at the same moment (that start rolls back). Each run locks the partner's row, so runs take
 * turns even so.
 */
@Component("partnerDeliveryPumps")
public class PartnerDeliveryPumps {

    public static final String PROCESS_KEY = "partnerDelivery";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerDeliveryPumps.class);

    private final RuntimeService runtimeService;
    private final PartnerProperties properties;
    private final PartnerDeliveries deliveries;
    private final TransactionTemplate transaction;

    PartnerDeliveryPumps(RuntimeService runtimeService, PartnerProperties properties, PartnerDeliveries deliveries,
            PlatformTransactionManager transactions) {
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.deliveries = deliveries;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startDeliveries() {
        for (Partner partner : Partner.values()) {
            if (properties.webhookOf(partner).isEmpty()) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> startIfNotRunning(partner));
            } catch (DuplicateKeyException anotherNodeStartedIt) {
                LOG.info("Deliveries to the {} webhook run on another node's start", partner.code());
            }
        }
    }

    private void startIfNotRunning(Partner partner) {
        Optional<String> registered = deliveries.pumpOf(partner);
        boolean running = registered.filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id)
                .count() > 0).isPresent();
        if (!running) {
            String started = runtimeService.startProcessInstanceByKey(PROCESS_KEY, partner.code()).getId();
            deliveries.registerPump(partner, started, registered.isPresent());
            LOG.info("Deliveries to the {} webhook started", partner.code());
        }
    }

    /** How long a delivery run waits before the next, as the delivery process's timer reads it (ISO 8601). */
    public String pollInterval() {
        return properties.pollInterval().toString();
    }
}
