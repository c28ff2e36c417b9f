package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.BREACHED_CLOCK;
import static org.bordercustody.custody.CustodyProcess.Variables.BREACHED_CLOCK_WORDS;
import static org.bordercustody.custody.CustodyProcess.Variables.BREACH_DUE_AT;
import static org.bordercustody.custody.CustodyProcess.Variables.CASE_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.CHECK_IN_DUE_BY_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTIGUOUS_COUNTRY_NATIONAL;
import static org.bordercustody.custody.CustodyProcess.Variables.CUSTODY_CLOCK;
import static org.bordercustody.custody.CustodyProcess.Variables.DATE_OF_BIRTH_KNOWN;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_COVERED;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_LINK;
import static org.bordercustody.custody.CustodyProcess.Variables.FLORES_DEADLINE_TEXT;
import static org.bordercustody.custody.CustodyProcess.Variables.INTAKE_FACTS;
import static org.bordercustody.custody.CustodyProcess.Variables.MISSING_FACTS;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_TRANSFER_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.PERSON_FACTS;
import static org.bordercustody.custody.CustodyProcess.Variables.PERSON_IS_CHILD;
import static org.bordercustody.custody.CustodyProcess.Variables.PERSON_NAME;
import static org.bordercustody.custody.CustodyProcess.Variables.PLACEMENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The person at the top of every form: name, age, sex, nationality, case number, the family members a lead's
 * decision covers, and the clock of the custody phase the person is in now.
 */
@Component
@Order(0)
class CaseShownOnForms implements ShownOnForms {

    private final CustodyCaseRepository cases;
    private final CustodyClocks clocks;
    private final Clock clock;

    CaseShownOnForms(CustodyCaseRepository cases, CustodyClocks clocks, Clock clock) {
        this.cases = cases;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void addTo(CustodyCase custodyCase, Map<String, Object> processData, Map<String, Object> shown) {
        Instant now = clock.instant();
        shown.put(CASE_NUMBER, custodyCase.caseNumber());
        shown.put(PERSON_NAME, custodyCase.displayName());
        shown.put(PERSON_FACTS, facts(custodyCase));
        shown.put(PERSON_IS_CHILD, custodyCase.ageAtApprehension() != null
                && custodyCase.ageAtApprehension() < CustodyCase.AGE_OF_MAJORITY);
        List<CustodyCase> apprehendedTogether = cases.findByEventOf(custodyCase.caseNumber());
        shown.put(FAMILY_COVERED, familyCovered(custodyCase, apprehendedTogether));
        // Tasklist opens the family page for a link of this form (the family page of the Find a person panel).
        shown.put(FAMILY_LINK, apprehendedTogether.size() > 1
                ? " · [Family](#custody-family/" + custodyCase.caseNumber() + ")" : "");
        cases.intake(custodyCase.caseNumber()).ifPresent(intake -> shown.put(INTAKE_FACTS, intakeWords(intake)));
        shown.put(DATE_OF_BIRTH_KNOWN, custodyCase.dateOfBirth() != null);
        shown.put(MISSING_FACTS, custodyCase.dateOfBirth() == null
                ? "the date of birth was not recorded at apprehension."
                : "the date of birth (" + custodyCase.dateOfBirth() + ") is on record; whether the parent or legal"
                        + " guardian relationship to the people encountered with this person is verified is not.");
        Optional<Instant> checkInDueBy = cases.checkInDueBy(custodyCase.caseNumber());
        Optional<Instant> floresLimit = cases.iceFamilyCustodyBookInAt(custodyCase.caseNumber())
                .map(clocks::floresDeadline);
        floresLimit.ifPresent(limit -> shown.put(FLORES_DEADLINE_TEXT, CustodyProcessStarter.shown(limit)));
        shown.put(CUSTODY_CLOCK, processData.get(ORR_TRANSFER_DEADLINE) instanceof Date orrDeadline
                && custodyCase.status() == CaseStatus.IN_CBP_CUSTODY
                ? childClock(custodyCase, orrDeadline.toInstant(), now)
                : clockOf(custodyCase, checkInDueBy, floresLimit, now));
        if (custodyCase.placement() != null) {
            shown.put(PLACEMENT, custodyCase.placement());
        }
        shown.put(CONTIGUOUS_COUNTRY_NATIONAL, CustodyProcessStarter.isContiguousCountryNational(custodyCase));
        checkInDueBy.ifPresent(due -> shown.put(CHECK_IN_DUE_BY_TEXT, CustodyProcessStarter.shown(due)));
        if (processData.get(BREACHED_CLOCK) instanceof String breached) {
            shown.put(BREACHED_CLOCK_WORDS, breachedClockWords(LegalClock.valueOf(breached),
                    processData.get(BREACH_DUE_AT) instanceof Date dueAt ? dueAt.toInstant() : null));
        }
    }

    /** "CBP holding limit (TEDS 2015 section 1.8), passed at 2026-11-28 11:14 UTC": the clock of a breach, in words. */
    static String breachedClockWords(LegalClock breached, Instant dueAt) {
        return breached.description() + (dueAt == null ? "" : ", passed at " + CustodyProcessStarter.shown(dueAt));
    }

    static String facts(CustodyCase custodyCase) {
        Integer age = custodyCase.ageAtApprehension();
        String ageWords = age == null ? "age unknown"
                : "age " + age + (custodyCase.dateOfBirthEstimated() ? " (estimated)" : "");
        String sex = switch (custodyCase.sex()) {
            case "F" -> "female";
            case "M" -> "male";
            default -> "sex not recorded";
        };
        String nationality = new Locale("", custodyCase.countryOfCitizenship()).getDisplayCountry(Locale.ENGLISH);
        return ageWords + ", " + sex + ", " + nationality;
    }

    static String intakeWords(CustodyCaseRepository.Intake intake) {
        TaskForms forms = TaskForms.deployed();
        return "Biometrics: " + forms.wordsFor("biometricsStatus", intake.biometrics())
                + "; records check: " + forms.wordsFor("recordsCheckResult", intake.recordsCheck())
                + "; medical screening: " + forms.wordsFor("medicalScreening", intake.medicalScreening())
                + (intake.processingPathway() == null ? ""
                : "; processing pathway: " + forms.wordsFor("processingPathway", intake.processingPathway()))
                + (intake.flightRisk() == null ? "" : "; flight risk: " + forms.wordsFor("flightRisk", intake.flightRisk()));
    }

    /** The other family unit members a family's decision covers, for every member's form; nothing for others. */
    private static String familyCovered(CustodyCase custodyCase, List<CustodyCase> apprehendedTogether) {
        if (custodyCase.classification() != Classification.FAMILY_UNIT_MEMBER) {
            return "";
        }
        List<String> others = apprehendedTogether.stream()
                .filter(member -> !member.caseNumber().equals(custodyCase.caseNumber()))
                .filter(member -> member.classification() == Classification.FAMILY_UNIT_MEMBER)
                .map(member -> member.displayName() + " (" + (member.ageAtApprehension() == null ? "age unknown"
                        : "age " + member.ageAtApprehension()) + ", case " + member.caseNumber() + ")")
                .toList();
        return others.isEmpty() ? "" : " · with the family: " + String.join("; ", others);
    }

    /** An unaccompanied child in CBP custody: the ORR transfer clock first, then the CBP limit. */
    private static String childClock(CustodyCase child, Instant orrDeadline, Instant now) {
        Duration left = Duration.between(now, orrDeadline);
        return "Unaccompanied child: transfer to HHS ORR due by " + CustodyProcessStarter.shown(orrDeadline)
                + (left.isNegative() ? " (overdue by " + left.abs().toHours() + " h)" : " (" + left.toHours() + " h left)")
                + "; CBP 72-hour limit " + CustodyProcessStarter.shown(child.custodyDeadline());
    }

    private static String clockOf(CustodyCase custodyCase, Optional<Instant> checkInDueBy,
            Optional<Instant> floresLimit, Instant now) {
        return switch (custodyCase.status()) {
            case IN_CBP_CUSTODY -> {
                long hours = Duration.between(custodyCase.apprehendedAt(), now).toHours();
                String limit = CustodyProcessStarter.shown(custodyCase.custodyDeadline());
                yield custodyCase.custodyDeadline().isAfter(now)
                        ? hours + " hours in CBP custody; 72-hour limit " + limit
                        : hours + " hours in CBP custody: past the 72-hour limit of " + limit;
            }
            case TRANSFERRED_TO_ICE -> floresLimit
                    .map(limit -> {
                        long days = Duration.between(now, limit).toDays();
                        return "In ICE family custody; Flores limit " + CustodyProcessStarter.shown(limit)
                                + (limit.isAfter(now) ? " (" + days + " days left)" : " (passed)");
                    })
                    .orElse("In ICE custody");
            case RELEASED_AWAITING_CHECK_IN -> "Released; report to ICE by "
                    + checkInDueBy.map(CustodyProcessStarter::shown).orElse("(not recorded)");
            case CHECK_IN_OVERDUE -> "Released; the check-in due by "
                    + checkInDueBy.map(CustodyProcessStarter::shown).orElse("(not recorded)") + " was missed";
            case TRANSFERRED_TO_ORR -> "In HHS ORR care";
            case CHECKED_IN -> "Released and checked in with ICE";
            case REMOVED -> "Removed or returned";
            case RE_ENCOUNTERED -> "Released, then apprehended again";
        };
    }
}
