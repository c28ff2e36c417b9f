package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bordercustody.custody.CustodyProcess.Variables.BREACH_DUE_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_DUE_BY;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.HHS_NOTIFICATION_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.INTAKE_DUE;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_TRANSFER_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.SCREENING_DEADLINE;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A task's due date is the legal clock it serves, so Tasklist's own "Due in ..." and the card's line name the
 * same instant; the warning time raises the task's priority and opens the review, it is never a due date.
 */
class DueDatesAreLegalClocksTest {

    static final Set<String> LEGAL_CLOCKS = Set.of(INTAKE_DUE, HHS_NOTIFICATION_DEADLINE, SCREENING_DEADLINE,
            ORR_TRANSFER_DEADLINE, CUSTODY_DEADLINE, FLORES_DEADLINE, CHECK_IN_DUE_BY,
            // a breach's follow-up is due at the instant its clock ran out
            BREACH_DUE_AT);

    @Test
    void everyUserTaskIsDueAtALegalClockAndNoneAtTheWarningTime() {
        Map<String, String> notALegalClock = new TreeMap<>();
        int tasks = 0;
        for (UserTask task : models().stream()
                .flatMap(model -> Bpmn.readModelFromFile(model).getModelElementsByType(UserTask.class)
                        .stream()).toList()) {
            tasks++;
            String due = task.getCamundaDueDate();
            String name = due == null ? null : due.replaceAll("^\\$\\{(\\w+)}$", "$1");
            if (name == null || !LEGAL_CLOCKS.contains(name)) {
                notALegalClock.put(task.getId(), String.valueOf(due));
            }
        }
        assertThat(tasks).isGreaterThan(20);
        assertThat(notALegalClock).as("user tasks due at something other than a legal clock").isEmpty();
    }

    private static List<File> models() {
        File[] models = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(models).isNotEmpty();
        return List.of(models);
    }
}
