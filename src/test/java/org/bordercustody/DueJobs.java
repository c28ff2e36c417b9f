package org.bordercustody;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs, as the job executor would, the jobs due now of the cases of one apprehension event (every process). */
public final class DueJobs {

    private DueJobs() {
    }

    public static void runFor(String eventNumber, ManagementService managementService, RuntimeService runtimeService) {
        for (Job job : managementService.createJobQuery().executable().list()) {
            if (job.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                    .processInstanceId(job.getProcessInstanceId())
                    .processInstanceBusinessKeyLike(eventNumber + "%").count() > 0) {
                managementService.executeJob(job.getId());
            }
        }
    }
}
