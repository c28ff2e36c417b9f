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
    /** Partner systems: accounts of ICE's and HHS ORR's own systems, reaching the case API only. */
    public static final String PARTNER_ICE = "partner-ice";
    public static final String PARTNER_ORR = "partner-orr";
    /** Privacy officers read the read log and nothing else: no case, no task, no engine API. */
    public static final String PRIVACY_OFFICER = "privacy-officer";

    /** The groups of people; partner systems are not among them. */
    public static final List<String> ALL = List.of(ADMIN, BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR, ICE_ERO_OFFICER,
            ORR_LIAISON, CUSTODY_MANAGER);

    public static final List<String> PARTNERS = List.of(PARTNER_ICE, PARTNER_ORR);

    /** Groups that work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS =
            List.of(BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR, ICE_ERO_OFFICER, ORR_LIAISON);

    /** A partner system's account: in a partner group and in no group of people. */
    public static boolean isPartnerOnly(java.util.Collection<String> groups) {
        return groups != null && groups.stream().anyMatch(PARTNERS::contains) && groups.stream().noneMatch(ALL::contains);
    }

    private CustodyGroups() {
    }
}
