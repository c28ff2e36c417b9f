package org.bordercustody.partner;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the delivery process of each partner with a webhook, once: one instance per partner (business key "ice",
 * "orr"), kept running by its timer. Its runs take turns through a lock in the database, so a second instance
 * started by another node at the same moment delivers nothing twice.
 */
@Component("partnerDeliveryPumps")
public class PartnerDeliveryPumps {

    public static final String PROCESS_KEY = "partnerDelivery";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerDeliveryPumps.class);

    private final RuntimeService runtimeService;
    private final PartnerProperties properties;

    PartnerDeliveryPumps(RuntimeService runtimeService, PartnerProperties properties) {
        this.runtimeService = runtimeService;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startDeliveries() {
        for (Partner partner : Partner.values()) {
            if (properties.webhookOf(partner).isPresent() && runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(partner.code()).count() == 0) {
                runtimeService.startProcessInstanceByKey(PROCESS_KEY, partner.code());
                LOG.info("Deliveries to the {} webhook started", partner.code());
            }
        }
    }

    /** How long a delivery run waits before the next, as the delivery process's timer reads it (ISO 8601). */
    public String pollInterval() {
        return properties.pollInterval().toString();
    }
}
