package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_DUE_BY;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_EXIT;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE;

import java.util.Date;
import org.bordercustody.custody.CustodyExit;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.release.CustodyOutcomes.BookedIn;
import org.bordercustody.release.CustodyOutcomes.Released;
import org.camunda.bpm.engine.variable.VariableMap;

/** The variables a carried-out outcome gives the lead's process and, by message, every member's. */
final class CarriedOutVariables {

    private CarriedOutVariables() {
    }

    static VariableMap released(Released released) {
        return ProcessData.of()
                .with(CUSTODY_EXIT, CustodyExit.RELEASED.name())
                .with(CHECK_IN_DUE_BY, Date.from(released.checkInDueBy()))
                .variables();
    }

    static VariableMap transferred(BookedIn bookedIn) {
        if (bookedIn.floresDeadline() == null) {
            return ProcessData.of().with(CUSTODY_EXIT, CustodyExit.TRANSFERRED_TO_ICE.name()).variables();
        }
        return ProcessData.of()
                .with(CUSTODY_EXIT, CustodyExit.TRANSFERRED_TO_ICE_FAMILY_CUSTODY.name())
                .with(FLORES_DEADLINE, Date.from(bookedIn.floresDeadline()))
                .variables();
    }

    static VariableMap removed() {
        return ProcessData.of().with(CUSTODY_EXIT, CustodyExit.REMOVED.name()).variables();
    }
}
