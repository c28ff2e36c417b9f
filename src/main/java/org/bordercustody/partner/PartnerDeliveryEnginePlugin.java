package org.bordercustody.partner;

import java.util.ArrayList;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Gives the engine the handler of the partner delivery jobs. */
@Component
class PartnerDeliveryEnginePlugin extends AbstractCamundaConfiguration {

    private final PartnerDeliveryJobHandler handler;

    PartnerDeliveryEnginePlugin(PartnerDeliveryJobHandler handler) {
        this.handler = handler;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(handler);
    }
}
