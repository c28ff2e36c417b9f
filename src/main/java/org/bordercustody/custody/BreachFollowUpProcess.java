package org.bordercustody.custody;

import java.util.Map;

/**
 * The breach follow-up process: a legal clock of a case ran out and the person responsible records why and what was
 * done. Its own process, so that the follow-up outlives the custody process's path that breached the clock (a case
 * released or transferred meanwhile ends that path, not the follow-up). One instance per case (business key) and
 * clock; its variables are declared with the custody process's ({@link CustodyProcess.Variables}).
 */
public final class BreachFollowUpProcess {

    public static final String KEY = "breachFollowUp";

    public static final class Elements {
        public static final String TASK_RESOLVE_CUSTODY_LIMIT_BREACH = "Task_ResolveCustodyLimitBreach";
        public static final String TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION = "Task_FollowUpLateHhsNotification";
        public static final String TASK_FOLLOW_UP_LATE_SCREENING = "Task_FollowUpLateScreening";
        public static final String TASK_FOLLOW_UP_LATE_ORR_TRANSFER = "Task_FollowUpLateOrrTransfer";
        public static final String TASK_FOLLOW_UP_FLORES_LIMIT = "Task_FollowUpFloresLimit";
        public static final String END_BREACH_EXPLAINED = "EndEvent_BreachExplained";

        private Elements() {
        }
    }

    /** The follow-up task of each clock; the same ids the custody process's own follow-up tasks had. */
    public static final Map<LegalClock, String> TASK_OF = Map.of(
            LegalClock.CBP_HOLDING_LIMIT, Elements.TASK_RESOLVE_CUSTODY_LIMIT_BREACH,
            LegalClock.HHS_NOTIFICATION, Elements.TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION,
            LegalClock.CONTIGUOUS_COUNTRY_SCREENING, Elements.TASK_FOLLOW_UP_LATE_SCREENING,
            LegalClock.ORR_TRANSFER, Elements.TASK_FOLLOW_UP_LATE_ORR_TRANSFER,
            LegalClock.FLORES_FAMILY_CUSTODY, Elements.TASK_FOLLOW_UP_FLORES_LIMIT);

    private BreachFollowUpProcess() {
    }
}
