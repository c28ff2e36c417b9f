package org.bordercustody.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The jobs that push events to the partners' webhooks. A change that queues an event for a partner creates one
 * delivery job in its own transaction (one per partner and transaction, however many events it queues): the job
 * commits with the change or not at all, and Camunda's job executor, told of it at the commit, runs it at once
 * ({@link PartnerDeliveryRun}). A run that leaves events waiting (a failed attempt, a run cut short) ends with one
 * job due at their next attempt, unless another job of the partner is already due by then. Idle, nothing runs; a slow
 * sweep ({@code custody.partners.sweep-interval}) and each start put back a job where events wait without one, for
 * instance after a job failed beyond its retries.
 */
@Component
public class PartnerDeliveryJobs {

    /** The job handler type, in ACT_RU_JOB.HANDLER_TYPE_; the partner's code is its configuration. */
    public static final String TYPE = "partner-delivery";
    /** The delivery process of earlier versions, one per partner, which never ended. */
    static final String RETIRED_PROCESS_KEY = "partnerDelivery";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerDeliveryJobs.class);

    private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
    private final ObjectProvider<RuntimeService> runtimeService;
    private final PartnerProperties properties;
    private final PartnerDeliveries deliveries;
    private final Clock clock;

    PartnerDeliveryJobs(ObjectProvider<ProcessEngineConfigurationImpl> engine,
            ObjectProvider<RuntimeService> runtimeService, PartnerProperties properties, PartnerDeliveries deliveries,
            Clock clock) {
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** A delivery job for the partner in the caller's transaction, once per transaction. */
    void deliverAfterCommit(Partner partner) {
        String key = TYPE + ":" + partner.code();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(key)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        inCommand(context -> insert(context, partner, null));
    }

    /**
     * A delivery job for the partner due at the given moment, in the caller's transaction, unless another job of the
     * partner that no executor has taken yet is due by then: that one will see what this one would.
     */
    void scheduleUnlessPending(Partner partner, Instant dueAt) {
        inCommand(context -> {
            if (!pending(context, partner, dueAt)) {
                insert(context, partner, dueAt);
            }
        });
    }

    private static boolean pending(CommandContext context, Partner partner, Instant dueAt) {
        JobEntity current = context.getCurrentJob();
        return jobsOf(context, partner).stream()
                .filter(job -> current == null || !job.getId().equals(current.getId()))
                .anyMatch(job -> job.getLockOwner() == null && job.getRetries() > 0
                        && (job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(dueAt)));
    }

    private static List<JobEntity> jobsOf(CommandContext context, Partner partner) {
        return context.getJobManager().findJobsByHandlerType(TYPE).stream().map(JobEntity.class::cast)
                .filter(job -> partner.code().equals(job.getJobHandlerConfigurationRaw())).toList();
    }

    private static void insert(CommandContext context, Partner partner, Instant dueAt) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfigurationRaw(partner.code());
        if (dueAt != null) {
            job.setDuedate(Date.from(dueAt));
        }
        context.getJobManager().send(job);
    }

    private void inCommand(java.util.function.Consumer<CommandContext> work) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            work.accept(current);
        } else {
            engine.getObject().getCommandExecutorTxRequired().execute(context -> {
                work.accept(context);
                return null;
            });
        }
    }

    /**
     * Puts back a job where events wait for a partner without one (a job failed beyond its retries is replaced),
     * on each start and every {@code custody.partners.sweep-interval}: one query per partner.
     */
    @Scheduled(initialDelayString = "${custody.partners.sweep-interval:PT5M}",
            fixedDelayString = "${custody.partners.sweep-interval:PT5M}")
    public void sweep() {
        for (Partner partner : Partner.values()) {
            if (properties.webhookOf(partner).isEmpty()) {
                continue;
            }
            try {
                engine.getObject().getCommandExecutorTxRequired().execute(context -> {
                    sweep(context, partner);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("The sweep of deliveries to the {} webhook failed; the next one tries again: {}",
                        partner.code(), e.toString());
            }
        }
    }

    private void sweep(CommandContext context, Partner partner) {
        if (deliveries.oldestWaiting(partner).isEmpty()) {
            return;
        }
        List<JobEntity> jobs = jobsOf(context, partner);
        for (JobEntity dead : jobs.stream().filter(job -> job.getRetries() <= 0).toList()) {
            LOG.warn("A delivery job of the {} webhook failed beyond its retries ({}); a new one replaces it",
                    partner.code(), dead.getExceptionMessage());
            dead.delete();
        }
        if (jobs.stream().noneMatch(job -> job.getRetries() > 0)) {
            insert(context, partner, clock.instant());
            LOG.info("Events waiting for the {} webhook without a delivery job: one put back", partner.code());
        }
    }

    /** At start: the delivery processes of earlier versions end, and waiting events get their job. */
    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        RuntimeService runtime = runtimeService.getObject();
        List<String> retired = runtime.createProcessInstanceQuery().processDefinitionKey(RETIRED_PROCESS_KEY).list()
                .stream().map(instance -> instance.getId()).toList();
        if (!retired.isEmpty()) {
            runtime.deleteProcessInstances(retired, "Deliveries are pushed by jobs", true, true);
            LOG.info("Ended {} partner delivery processes of an earlier version: deliveries are pushed by jobs",
                    retired.size());
        }
        sweep();
    }
}
