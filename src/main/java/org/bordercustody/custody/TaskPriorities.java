package org.bordercustody.custody;

import java.time.Duration;
import java.time.Instant;

/** Task priority rises as the clock the task serves runs out; escalations come first. */
public final class TaskPriorities {

    public static final int NORMAL = 50;
    public static final int DUE_WITHIN_A_DAY = 70;
    public static final int CLOCK_RUNNING_OUT = 85;
    public static final int ESCALATION = 100;

    private TaskPriorities() {
    }

    public static int forDue(Instant due, Instant now) {
        if (due == null) {
            return NORMAL;
        }
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            return ESCALATION;
        }
        if (left.compareTo(Duration.ofHours(6)) < 0) {
            return CLOCK_RUNNING_OUT;
        }
        return left.compareTo(Duration.ofHours(24)) < 0 ? DUE_WITHIN_A_DAY : NORMAL;
    }
}
