package org.bordercustody.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Runs a partner delivery job: the job's configuration names the partner. */
@Component
class PartnerDeliveryJobHandler implements JobHandler<PartnerDeliveryJobHandler.Configuration> {

    record Configuration(Partner partner) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return partner.code();
        }
    }

    private final ObjectProvider<PartnerDeliveryRun> run;

    PartnerDeliveryJobHandler(ObjectProvider<PartnerDeliveryRun> run) {
        this.run = run;
    }

    @Override
    public String getType() {
        return PartnerDeliveryJobs.TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
            String tenantId) {
        try {
            run.getObject().run(configuration.partner());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event for the " + configuration.partner().code()
                    + " webhook", e);
        }
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
        return new Configuration(Partner.ofCode(canonicalString));
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity jobEntity) {
        // nothing kept beside the job
    }
}
