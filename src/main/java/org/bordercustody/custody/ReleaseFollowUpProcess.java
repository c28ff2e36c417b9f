package org.bordercustody.custody;

/**
 * The release follow-up process, ICE's part of a case after a release (by CBP or from ICE family custody): ICE is
 * told of the release, the person reports within 60 days or ICE looks for them, and a child released with a parent
 * is followed up with the parent. Its own process, so that the two months of waiting for a check-in are not spent
 * in the custody process; one instance per released person, with the case number as business key, started by the
 * custody process's end event {@link CustodyProcess.Elements#END_RELEASED_TO_FOLLOW_UP}. Its variables are declared
 * with the custody process's ({@link CustodyProcess.Variables}) and copied from it at the start.
 */
public final class ReleaseFollowUpProcess {

    public static final String KEY = "releaseFollowUp";
    /** The model's version tag; the custody model of the same tag hands released people to it. */
    public static final String VERSION_TAG = "2026.12-processes";

    public static final class Elements {
        public static final String START_PERSON_RELEASED = "StartEvent_PersonReleased";
        public static final String GATEWAY_CHECK_IN_OR_DEADLINE = "Gateway_CheckInOrDeadline";
        public static final String TASK_NOTIFY_ICE_OF_RELEASE = "Task_NotifyIceOfRelease";
        public static final String END_ICE_NOTIFIED = "EndEvent_IceNotified";
        public static final String TIMER_CHECK_IN_DEADLINE_PASSED = "Timer_CheckInDeadlinePassed";
        public static final String TASK_LOCATE_PERSON = "Task_LocatePerson";
        public static final String EVENT_LATE_CHECK_IN_REPORTED = "Event_LateCheckInReported";
        public static final String END_CHECKED_IN = "EndEvent_CheckedIn";
        public static final String END_CHECKED_IN_LATE = "EndEvent_CheckedInLate";
        public static final String END_FOLLOW_UP_CLOSED = "EndEvent_FollowUpClosed";
        public static final String EVENT_PERSON_RE_ENCOUNTERED = "Event_PersonReEncountered";
        public static final String EVENT_LOCATED_BY_RE_ENCOUNTER = "Event_LocatedByReEncounter";
        public static final String END_RE_ENCOUNTERED = "EndEvent_ReEncountered";
        public static final String END_LOCATED_BY_RE_ENCOUNTER = "EndEvent_LocatedByReEncounter";
        public static final String GATEWAY_FAMILY_FOLLOW_UP = "Gateway_FamilyFollowUp";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Starts the follow-up of a released person. */
        public static final String PERSON_RELEASED = "personReleased";
        public static final String CHECK_IN_REPORTED = "checkInReported";
        /** The released person was apprehended again: the check-in wait ends. */
        public static final String PERSON_RE_ENCOUNTERED = "personReEncountered";
        /** The search for a parent who missed the check-in ended: the children it covered learn how. */
        public static final String FAMILY_FOLLOW_UP_ENDED = "familyFollowUpEnded";

        private Messages() {
        }
    }

    private ReleaseFollowUpProcess() {
    }
}
