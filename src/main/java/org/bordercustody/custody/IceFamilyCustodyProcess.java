package org.bordercustody.custody;

/**
 * The ICE family custody process, ICE's part of a family's case once CBP has transferred the family to a family
 * residential center: the Flores clock runs (20 days), the ICE officer decides release or removal for the family,
 * and a family released is handed to the release follow-up ({@link ReleaseFollowUpProcess}). One instance per family
 * member, with the case number as business key, started by the custody process's end event
 * {@link CustodyProcess.Elements#END_TRANSFERRED_TO_ICE_FAMILY_CUSTODY}. Its variables are declared with the custody
 * process's ({@link CustodyProcess.Variables}) and copied from it at the start. A family released ends at the same
 * end event as a release by CBP, {@link CustodyProcess.Elements#END_RELEASED_TO_FOLLOW_UP}.
 */
public final class IceFamilyCustodyProcess {

    public static final String KEY = "iceFamilyCustody";

    public static final class Elements {
        public static final String START_FAMILY_BOOKED_IN = "StartEvent_FamilyBookedIn";
        public static final String SUB_PROCESS_ICE_FAMILY_CUSTODY = "SubProcess_IceFamilyCustody";
        public static final String TASK_DECIDE_FAMILY_CUSTODY_OUTCOME = "Task_DecideFamilyCustodyOutcome";
        public static final String EVENT_ICE_FAMILY_CUSTODY_ENDED = "Event_IceFamilyCustodyEnded";
        public static final String TIMER_FLORES_LIMIT_REACHED = "Timer_FloresLimitReached";
        public static final String TASK_ESCALATE_FLORES_LIMIT = "Task_EscalateFloresLimit";
        public static final String END_CASE_CLOSED_AFTER_ICE_CUSTODY = "EndEvent_CaseClosedAfterIceCustody";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Starts ICE family custody of a family member. */
        public static final String FAMILY_BOOKED_IN = "familyBookedIntoIceFamilyCustody";
        public static final String ICE_FAMILY_CUSTODY_ENDED = "iceFamilyCustodyEnded";

        private Messages() {
        }
    }

    private IceFamilyCustodyProcess() {
    }
}
