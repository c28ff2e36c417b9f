package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_WARNING_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.INTAKE_DUE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
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

    /**
     * Starts the case's process with the clocks of CBP custody: the intake's due date and the holding limit's
     * warning and limit. The first lives only while the process starts (its task is created then); the holding
     * limit's instants are kept, as later tasks are due by them.
     */
    public String start(CustodyCase custodyCase) {
        Instant apprehendedAt = custodyCase.apprehendedAt();
        VariableMap variables = ProcessData.of()
                .with(CUSTODY_WARNING_AT, Date.from(clocks.custodyWarningAt(apprehendedAt)))
                .with(CUSTODY_DEADLINE, Date.from(clocks.custodyDeadline(apprehendedAt)))
                .with(INTAKE_DUE, Date.from(clocks.intakeDue(apprehendedAt)))
                .with(CustodyProcess.Variables.CASE_SECTOR, custodyCase.sector())
                .variables();
        return runtimeService.startProcessInstanceByKey(CustodyProcess.KEY, custodyCase.caseNumber(), variables).getId();
    }

    public static boolean isContiguousCountryNational(CustodyCase custodyCase) {
        return CONTIGUOUS_COUNTRIES.contains(custodyCase.countryOfCitizenship());
    }

    public static String shown(Instant instant) {
        return SHOWN.format(instant);
    }
}
