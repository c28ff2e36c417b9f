package org.bordercustody.custody;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Camunda's history as the custody process needs it: everything the audit level writes, except the activity
 * instances of steps that only move the case along (gateways, start events, service and decision tasks), whose
 * facts the case timeline already holds with who and when, and of user tasks, which Camunda's task history
 * (ACT_HI_TASKINST) already holds with their assignee, start and end. Kept: the custody phases (sub-processes),
 * the clocks and messages the case waited for, and how each path ended.
 */
public class KeptHistory extends DbHistoryEventHandler {

    static final String PARTNER_DELIVERY = "partnerDelivery";

    static final Set<String> KEPT_ACTIVITY_TYPES = Set.of(
            ActivityTypes.SUB_PROCESS,
            ActivityTypes.START_EVENT_TIMER,
            ActivityTypes.INTERMEDIATE_EVENT_TIMER,
            ActivityTypes.INTERMEDIATE_EVENT_MESSAGE,
            ActivityTypes.BOUNDARY_TIMER,
            ActivityTypes.BOUNDARY_MESSAGE,
            ActivityTypes.END_EVENT_NONE,
            ActivityTypes.END_EVENT_MESSAGE,
            ActivityTypes.END_EVENT_TERMINATE);

    @Override
    public void handleEvent(HistoryEvent event) {
        if (PARTNER_DELIVERY.equals(event.getProcessDefinitionKey())) {
            // The delivery process of earlier versions, ended at start: the deliveries keep their own record.
            return;
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity
                && !KEPT_ACTIVITY_TYPES.contains(activity.getActivityType())) {
            return;
        }
        super.handleEvent(event);
    }
}
