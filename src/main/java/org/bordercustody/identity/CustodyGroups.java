package org.bordercustody.identity;

import java.util.List;

/** The groups of the people who work custody cases; their ids are shared with Tasklist and the API. */
public final class CustodyGroups {

    public static final String ADMIN = "camunda-admin";
    public static final String BORDER_PATROL_AGENT = "border-patrol-agent";
    public static final String BORDER_PATROL_SUPERVISOR = "border-patrol-supervisor";
    public static final String ICE_ERO_OFFICER = "ice-ero-officer";
    public static final String ORR_LIAISON = "orr-liaison";
    public static final String CUSTODY_MANAGER = "custody-manager";

    public static final List<String> ALL = List.of(ADMIN, BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR, ICE_ERO_OFFICER,
            ORR_LIAISON, CUSTODY_MANAGER);

    /** Groups that work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS =
            List.of(BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR, ICE_ERO_OFFICER, ORR_LIAISON);

    private CustodyGroups() {
    }
}
