package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.APPREHENDED_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.APPREHENDED_AT_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.CASE_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTIGUOUS_COUNTRY_NATIONAL;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_WARNING_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.HHS_NOTIFICATION_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.INTAKE_DUE;
import static org.bordercustody.custody.CustodyProcess.Variables.PERSON_NAME;
import static org.bordercustody.custody.CustodyProcess.Variables.SCREENING_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.TENDER_AGE_THRESHOLD;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts one custody process per case, carrying the clocks it enforces as instants computed from the apprehension. */
@Component
public class CustodyProcessStarter {

    /** 8 U.S.C. 1232(a)(2): children from contiguous countries are screened before any return. */
    static final Set<String> CONTIGUOUS_COUNTRIES = Set.of("MX", "CA");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final RuntimeService runtimeService;
    private final CustodyClocks clocks;

    public CustodyProcessStarter(RuntimeService runtimeService, CustodyClocks clocks) {
        this.runtimeService = runtimeService;
        this.clocks = clocks;
    }

    public String start(CustodyCase custodyCase) {
        Instant apprehendedAt = custodyCase.apprehendedAt();
        VariableMap variables = Variables.createVariables()
                .putValue(CASE_NUMBER, custodyCase.caseNumber())
                .putValue(PERSON_NAME, custodyCase.displayName())
                .putValue(APPREHENDED_AT, Date.from(apprehendedAt))
                .putValue(APPREHENDED_AT_TEXT, SHOWN.format(apprehendedAt))
                .putValue(CustodyProcess.Variables.APPREHENDED_AT_ISO, apprehendedAt.toString())
                .putValue(CUSTODY_WARNING_AT, Date.from(clocks.custodyWarningAt(apprehendedAt)))
                .putValue(CUSTODY_DEADLINE, Date.from(clocks.custodyDeadline(apprehendedAt)))
                .putValue(CUSTODY_DEADLINE_TEXT, SHOWN.format(clocks.custodyDeadline(apprehendedAt)))
                .putValue(INTAKE_DUE, Date.from(clocks.intakeDue(apprehendedAt)))
                .putValue(HHS_NOTIFICATION_DEADLINE, Date.from(clocks.hhsNotificationDeadline(apprehendedAt)))
                .putValue(SCREENING_DEADLINE, Date.from(clocks.screeningDeadline(apprehendedAt)))
                .putValue(CONTIGUOUS_COUNTRY_NATIONAL, CONTIGUOUS_COUNTRIES.contains(custodyCase.countryOfCitizenship()))
                .putValue(TENDER_AGE_THRESHOLD, clocks.tenderAgeThreshold())
                .putValue(CustodyProcess.Variables.CUSTODY_EXIT, CustodyExit.IN_CBP_CUSTODY.name());
        return runtimeService.startProcessInstanceByKey(CustodyProcess.KEY, custodyCase.caseNumber(), variables).getId();
    }

    public static String shown(Instant instant) {
        return SHOWN.format(instant);
    }
}
