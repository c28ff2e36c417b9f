package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.CLASSIFICATION;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTIGUOUS_COUNTRY_NATIONAL;
import static org.bordercustody.custody.CustodyProcess.Variables.HHS_NOTIFICATION_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_TRANSFER_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.SCREENING_DEADLINE;

import java.time.Clock;
import java.util.Date;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the decided family status. An unaccompanied child's 72-hour transfer clock starts now, at the
 * determination (8 U.S.C. 1232(b)(3)).
 */
@Component("recordFamilyStatus")
public class RecordFamilyStatusDelegate implements JavaDelegate {

    private final Families families;
    private final CustodyClocks clocks;
    private final Clock clock;

    public RecordFamilyStatusDelegate(Families families, CustodyClocks clocks, Clock clock) {
        this.families = families;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        Classification classification = Classification.valueOf((String) execution.getVariable(CLASSIFICATION));
        CustodyCase child = families.recordClassification(caseNumber, classification);
        if (classification == Classification.UNACCOMPANIED_CHILD) {
            execution.setVariables(ProcessData.of()
                    .with(ORR_TRANSFER_DEADLINE, Date.from(clocks.orrTransferDeadline(clock.instant())))
                    .with(HHS_NOTIFICATION_DEADLINE, Date.from(clocks.hhsNotificationDeadline(child.apprehendedAt())))
                    .with(SCREENING_DEADLINE, Date.from(clocks.screeningDeadline(child.apprehendedAt())))
                    .with(CONTIGUOUS_COUNTRY_NATIONAL, CustodyProcessStarter.isContiguousCountryNational(child))
                    .variables());
        }
    }
}
