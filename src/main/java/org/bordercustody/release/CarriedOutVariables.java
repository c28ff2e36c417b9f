package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_DUE_BY;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_DUE_BY_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTACT_PHONE;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_EXIT;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.RELEASE_ADDRESS_TEXT;

import java.util.Date;
import org.bordercustody.custody.CustodyExit;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.release.CustodyOutcomes.BookedIn;
import org.bordercustody.release.CustodyOutcomes.Released;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** The variables a carried-out outcome gives the lead's process and, by message, every member's. */
final class CarriedOutVariables {

    private CarriedOutVariables() {
    }

    static VariableMap released(Released released) {
        return Variables.createVariables()
                .putValue(CUSTODY_EXIT, CustodyExit.RELEASED.name())
                .putValue(CHECK_IN_DUE_BY, Date.from(released.checkInDueBy()))
                .putValue(CHECK_IN_DUE_BY_TEXT, CustodyProcessStarter.shown(released.checkInDueBy()))
                .putValue(RELEASE_ADDRESS_TEXT, released.address().text())
                .putValue(CONTACT_PHONE, released.address().contactPhone());
    }

    static VariableMap transferred(BookedIn bookedIn) {
        if (bookedIn.floresDeadline() == null) {
            return Variables.createVariables().putValue(CUSTODY_EXIT, CustodyExit.TRANSFERRED_TO_ICE.name());
        }
        return Variables.createVariables()
                .putValue(CUSTODY_EXIT, CustodyExit.TRANSFERRED_TO_ICE_FAMILY_CUSTODY.name())
                .putValue(FLORES_DEADLINE, Date.from(bookedIn.floresDeadline()))
                .putValue(FLORES_DEADLINE_TEXT, CustodyProcessStarter.shown(bookedIn.floresDeadline()));
    }

    static VariableMap removed() {
        return Variables.createVariables().putValue(CUSTODY_EXIT, CustodyExit.REMOVED.name());
    }
}
