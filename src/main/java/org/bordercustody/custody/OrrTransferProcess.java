package org.bordercustody.custody;

/**
 * The transfer of an unaccompanied child to HHS ORR, ORR's part of the child's case while CBP still holds the child:
 * HHS is notified, a child from Mexico or Canada is screened, ORR designates a placement and receives the child.
 * Called by the custody process ({@link CustodyProcess.Elements#CALL_TRANSFER_CHILD_TO_ORR}), which waits for it and
 * keeps the 72-hour ORR transfer clock on the call; the case number is its business key and the case's process data
 * goes in and comes back. Its variables are declared with the custody process's ({@link CustodyProcess.Variables}).
 */
public final class OrrTransferProcess {

    public static final String KEY = "orrTransfer";

    public static final class Elements {
        public static final String TASK_NOTIFY_HHS_OF_CHILD = "Task_NotifyHhsOfChild";
        public static final String TIMER_HHS_NOTIFICATION_OVERDUE = "Timer_HhsNotificationOverdue";
        public static final String TASK_ESCALATE_LATE_HHS_NOTIFICATION = "Task_EscalateLateHhsNotification";
        public static final String TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD = "Task_ScreenContiguousCountryChild";
        public static final String TIMER_SCREENING_OVERDUE = "Timer_ScreeningOverdue";
        public static final String TASK_ESCALATE_LATE_SCREENING = "Task_EscalateLateScreening";
        public static final String TASK_DESIGNATE_ORR_PLACEMENT = "Task_DesignateOrrPlacement";
        public static final String EVENT_ORR_PLACEMENT_DESIGNATED = "Event_OrrPlacementDesignated";
        public static final String TASK_CONFIRM_TRANSFER_TO_ORR = "Task_ConfirmTransferToOrr";

        private Elements() {
        }
    }

    public static final class Messages {
        public static final String ORR_PLACEMENT_DESIGNATED = "orrPlacementDesignated";

        private Messages() {
        }
    }

    private OrrTransferProcess() {
    }
}
