package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Elements.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import org.bordercustody.system.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bordercustody.family.Classification;
import org.bordercustody.family.FamilyFacts;
import org.bordercustody.family.FamilyFactsEstablishedListener;
import org.bordercustody.family.FamilyStatus;
import org.bordercustody.family.GatherFamilyFactsDelegate;
import org.bordercustody.family.IntakeRecordedListener;
import org.bordercustody.family.RecordFamilyStatusDelegate;
import org.bordercustody.family.RecordPlacementDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of the custody process on an in-memory engine with the real decision tables, delegates
 * and listeners; the use cases behind them are mocks, so each test states the recorded facts it routes on.
 * Timers fire by moving the engine clock. Together the tests must cover every element of the model.
 */
@Deployment(resources = {
    "bpmn/migrant-custody.bpmn", "dmn/family-status.dmn", "dmn/family-unit-placement.dmn",
    "bpmn/forms/record-intake.form", "bpmn/forms/establish-family-status.form",
    "bpmn/forms/decide-release-or-transfer.form", "bpmn/forms/review-approaching-custody-limit.form",
    "bpmn/forms/follow-up-overdue-clock.form", "bpmn/forms/notify-hhs-of-child.form",
    "bpmn/forms/screen-contiguous-country-child.form", "bpmn/forms/designate-orr-placement.form",
    "bpmn/forms/confirm-transfer-to-orr.form"})
class MigrantCustodyProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CustodyTestEngine.fullCoverage();

    static final Instant APPREHENDED_AT = Instant.parse("2026-11-25T11:14:00Z");
    static final String CASE = "SDC2611250001-01";
    static final String OTHER_CASE = "SDC2611250001-02";

    ProcessEngine processEngine;
    final FamilyStatus familyStatus = mock(FamilyStatus.class);
    final CustodyEvents custodyEvents = mock(CustodyEvents.class);
    final CustodyClocks clocks = CustodyTestEngine.defaultClocks();
    final Clock clock = new EngineClock();

    @BeforeEach
    void registerBeans() {
        init(processEngine);
        now(APPREHENDED_AT.plus(Duration.ofHours(1)));
        Mocks.register("intakeRecorded", new IntakeRecordedListener(familyStatus));
        Mocks.register("gatherFamilyFacts", new GatherFamilyFactsDelegate(familyStatus));
        Mocks.register("familyFactsEstablished", new FamilyFactsEstablishedListener(familyStatus));
        Mocks.register("recordFamilyStatus", new RecordFamilyStatusDelegate(familyStatus, clocks, clock));
        Mocks.register("recordPlacement", new RecordPlacementDelegate(familyStatus));
        Mocks.register("recordCustodyDecision", new RecordCustodyDecisionDelegate(custodyEvents));
        Mocks.register("clockBreached", new ClockBreachedListener(custodyEvents));
        Mocks.register("custodyLimitApproaching", new CustodyLimitApproachingListener(custodyEvents));
        Mocks.register("recordTransferToOrr", new RecordTransferToOrrDelegate(custodyEvents));
        Mocks.register("recordChildReturned", new RecordChildReturnedDelegate(custodyEvents));
    }

    @AfterEach
    void resetClockAndBeans() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void singleAdultGoesThroughIntakeToTheSupervisorsReleaseOrTransferDecision() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);

        assertThat(custody).isWaitingAt(TASK_RECORD_INTAKE);
        assertThat(task(custody)).hasCandidateGroup("border-patrol-agent")
                .hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(12))));
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        verify(familyStatus).recordIntake(eq(CASE),
                eq(new FamilyStatus.IntakeFacts("CAPTURED", "CLEAR", "NO_CONCERNS", false)), any());

        assertThat(custody).isWaitingAt(TASK_DECIDE_RELEASE_OR_TRANSFER)
                .variables().containsEntry("classification", "SINGLE_ADULT")
                .containsEntry("placement", "ADULT_RELEASE_OR_DETENTION_REVIEW");
        assertThat(task(custody)).hasCandidateGroup("border-patrol-supervisor");
        verify(familyStatus).recordClassification(eq(CASE), eq(Classification.SINGLE_ADULT), any());
        verify(familyStatus).recordPlacement(eq(CASE), eq("ADULT_RELEASE_OR_DETENTION_REVIEW"), any());

        complete(task(custody), withVariables("custodyDecision", "TRANSFER_TO_ICE", "custodyDecisionReason", "no sponsor"));
        verify(custodyEvents).recordCustodyDecision(CASE, "TRANSFER_TO_ICE", "no sponsor", "system");
        assertThat(custody).hasPassed(END_CUSTODY_DECISION_RECORDED, END_CASE_CLOSED).isEnded();
    }

    @Test
    void theLastFamilyMemberToFinishIntakeWakesTheOthersAndTheFamilyIsPlacedTogether() {
        FamilyFacts parentWaiting = family(34, "NONE", true, false);
        FamilyFacts parentReady = family(34, "NONE", true, true);
        FamilyFacts childReady = family(6, "PARENT", false, true);
        when(familyStatus.gather(CASE)).thenReturn(parentWaiting, parentReady);
        when(familyStatus.gather(OTHER_CASE)).thenReturn(childReady);
        ProcessInstance parent = start(CASE, "GT", APPREHENDED_AT);
        ProcessInstance child = start(OTHER_CASE, "GT", APPREHENDED_AT);

        complete(task(TASK_RECORD_INTAKE, parent), intake("CLEAR", "NO_CONCERNS", true));
        assertThat(parent).isWaitingAt(EVENT_FAMILY_INTAKE_COMPLETED);

        complete(task(TASK_RECORD_INTAKE, child), intake("CLEAR", "NO_CONCERNS", true));
        assertThat(child).isWaitingAt(TASK_DECIDE_RELEASE_OR_TRANSFER)
                .variables().containsEntry("classification", "FAMILY_UNIT_MEMBER")
                .containsEntry("placement", "FAMILY_RELEASE_REVIEW");
        assertThat(parent).isWaitingAt(TASK_DECIDE_RELEASE_OR_TRANSFER)
                .variables().containsEntry("classification", "FAMILY_UNIT_MEMBER")
                .containsEntry("placement", "FAMILY_RELEASE_REVIEW");
    }

    @Test
    void childWithAnAuntIsUnaccompaniedAndIsTransferredToOrrWhichStopsEveryClock() {
        given(CASE, child(9, "OTHER_RELATIVE"));
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));

        assertThat(custody).isWaitingAt(TASK_NOTIFY_HHS_OF_CHILD)
                .variables().containsEntry("classification", "UNACCOMPANIED_CHILD")
                .containsEntry("placement", "TRANSFER_TO_HHS_ORR")
                .containsEntry("orrTransferDeadline", Date.from(clock.instant().plus(Duration.ofHours(72))));
        assertThat(task(custody)).hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));
        complete(task(custody), withVariables("hhsReferralId", "UC-123"));

        assertThat(custody).hasNotPassed(TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD).isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
        assertThat(task(custody)).hasCandidateGroup("orr-liaison");
        complete(task(custody), withVariables("orrFacility", "Casa Esperanza", "orrPlacementType", "SHELTER"));
        assertThat(custody).isWaitingAt(TASK_CONFIRM_TRANSFER_TO_ORR);
        complete(task(custody), withVariables("orrReceivedBy", "R. Diaz"));

        verify(custodyEvents).transferredToOrr(CASE, "Casa Esperanza");
        assertThat(custody).hasPassed(END_TRANSFERRED_TO_ORR).isEnded();
        org.assertj.core.api.Assertions.assertThat(jobQuery().count()).as("timers left after transfer").isZero();
    }

    @Test
    void childFromMexicoIsScreenedWithin48HoursAndMayReturn() {
        given(CASE, child(16, "NONE"));
        ProcessInstance custody = start(CASE, "MX", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, custody), withVariables("hhsReferralId", "UC-124"));

        assertThat(custody).isWaitingAt(TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD);
        assertThat(task(custody)).hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));
        complete(task(custody), withVariables("screeningOutcome", "RETURN_PERMITTED", "screeningNotes", "no fear claimed"));

        verify(custodyEvents).childReturned(CASE);
        assertThat(custody).hasPassed("EndEvent_ChildMayReturn", END_CHILD_RETURNED).isEnded();
    }

    @Test
    void childFromMexicoReferredToOrrIsPlacedThroughTheOrrSystem() {
        given(CASE, child(15, "UNRELATED_ADULT"));
        ProcessInstance custody = start(CASE, "MX", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, custody), withVariables("hhsReferralId", "UC-125"));
        complete(task(custody), withVariables("screeningOutcome", "REFER_TO_ORR", "screeningNotes", "fears return"));

        assertThat(custody).isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
        runtimeService().createMessageCorrelation(CustodyProcess.Messages.ORR_PLACEMENT_DESIGNATED)
                .processInstanceBusinessKey(CASE)
                .setVariables(Map.of("orrFacility", "Southwest Key", "orrPlacementType", "SHELTER"))
                .correlate();

        assertThat(custody).hasPassed(EVENT_ORR_PLACEMENT_DESIGNATED).isWaitingAt(TASK_CONFIRM_TRANSFER_TO_ORR);
        complete(task(custody), withVariables("orrReceivedBy", "M. Ortiz"));
        verify(custodyEvents).transferredToOrr(CASE, "Southwest Key");
        assertThat(custody).hasPassed(END_TRANSFERRED_TO_ORR).isEnded();
    }

    @Test
    void unknownDateOfBirthStopsAtEstablishFamilyStatusAndTheDecisionRunsAgain() {
        when(familyStatus.gather(CASE)).thenReturn(facts(null, "NONE", false, false), adult());
        ProcessInstance custody = start(CASE, "HN", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));

        assertThat(custody).isWaitingAt(TASK_ESTABLISH_FAMILY_STATUS)
                .variables().containsEntry("classification", "UNDETERMINED");
        assertThat(task(custody)).hasCandidateGroup("border-patrol-agent");
        complete(task(custody), withVariables("dateOfBirth", "1990-01-15", "dateOfBirthEstimated", true,
                "familyRelationshipVerified", false, "familyFactsSource", "dental estimate"));

        verify(familyStatus).establish(eq(CASE), eq(LocalDate.of(1990, 1, 15)), eq(true), eq(false),
                eq("dental estimate"), any());
        assertThat(custody).isWaitingAt(TASK_DECIDE_RELEASE_OR_TRANSFER)
                .variables().containsEntry("classification", "SINGLE_ADULT");
    }

    @Test
    void supervisorIsWarnedAt48HoursAndTheCasesOpenTasksRiseInPriority() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        now(APPREHENDED_AT.plus(Duration.ofHours(48)).minusSeconds(1));
        org.assertj.core.api.Assertions.assertThat(dueTimers(custody)).isEmpty();

        now(APPREHENDED_AT.plus(Duration.ofHours(48)));
        execute(timer(custody, TIMER_CUSTODY_WARNING_REACHED));

        Task review = task(TASK_REVIEW_APPROACHING_CUSTODY_LIMIT, custody);
        assertThat(review).hasCandidateGroup("border-patrol-supervisor")
                .hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(72))));
        org.assertj.core.api.Assertions.assertThat(task(TASK_RECORD_INTAKE, custody).getPriority())
                .isEqualTo(TaskPriorities.CLOCK_RUNNING_OUT);
        verify(custodyEvents).custodyLimitApproaching(CASE, APPREHENDED_AT.plus(Duration.ofHours(72)));

        complete(review, withVariables("custodyReviewAction", "ICE bed requested"));
        assertThat(custody).hasPassed("EndEvent_CustodyWarningReviewed").isWaitingAt(TASK_RECORD_INTAKE);
    }

    @Test
    void custodyLimitBreachAt72HoursEscalatesToSupervisorAndIsCounted() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        now(APPREHENDED_AT.plus(Duration.ofHours(72)).minusSeconds(1));
        org.assertj.core.api.Assertions.assertThat(dueTimers(custody)).extracting(Job::getDuedate)
                .containsOnly(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));

        now(APPREHENDED_AT.plus(Duration.ofHours(72)));
        execute(timer(custody, TIMER_CUSTODY_LIMIT_REACHED));

        Task breach = task(TASK_RESOLVE_CUSTODY_LIMIT_BREACH, custody);
        assertThat(breach).hasName("Custody limit exceeded").hasCandidateGroup("border-patrol-supervisor");
        org.assertj.core.api.Assertions.assertThat(breach.getPriority()).isEqualTo(TaskPriorities.ESCALATION);
        verify(custodyEvents).clockBreached(CASE, LegalClock.CBP_HOLDING_LIMIT, APPREHENDED_AT.plus(Duration.ofHours(72)));

        complete(breach, withVariables("overdueCause", "no ICE bed", "overdueAction", "transport arranged"));
        assertThat(custody).hasPassed("EndEvent_CustodyLimitBreachResolved").isWaitingAt(TASK_RECORD_INTAKE);
    }

    @Test
    void caseRecordedSeventyHoursLateBreachesTwoHoursLaterNotSeventyTwo() {
        given(CASE, adult());
        now(APPREHENDED_AT.plus(Duration.ofHours(70)));
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);

        org.assertj.core.api.Assertions.assertThat(timer(custody, TIMER_CUSTODY_LIMIT_REACHED).getDuedate())
                .isEqualTo(Date.from(clock.instant().plus(Duration.ofHours(2))));
        org.assertj.core.api.Assertions.assertThat(dueTimers(custody)).extracting(Job::getDuedate)
                .as("the 48-hour warning is already due").containsOnly(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));

        now(APPREHENDED_AT.plus(Duration.ofHours(72)));
        execute(timer(custody, TIMER_CUSTODY_LIMIT_REACHED));
        verify(custodyEvents).clockBreached(CASE, LegalClock.CBP_HOLDING_LIMIT, APPREHENDED_AT.plus(Duration.ofHours(72)));
        assertThat(custody).isWaitingAt(TASK_RECORD_INTAKE, TASK_RESOLVE_CUSTODY_LIMIT_BREACH);
    }

    @Test
    void lateHhsNotificationOfAnUnaccompaniedChildEscalatesToSupervisor() {
        given(CASE, child(12, "NONE"));
        ProcessInstance custody = start(CASE, "SV", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));

        now(APPREHENDED_AT.plus(Duration.ofHours(48)));
        execute(timer(custody, TIMER_HHS_NOTIFICATION_OVERDUE));

        verify(custodyEvents).clockBreached(CASE, LegalClock.HHS_NOTIFICATION, APPREHENDED_AT.plus(Duration.ofHours(48)));
        Task followUp = task(TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION, custody);
        assertThat(followUp).hasCandidateGroup("border-patrol-supervisor");
        complete(followUp, withVariables("overdueCause", "portal down", "overdueAction", "called ORR"));
        assertThat(custody).hasPassed("EndEvent_HhsNotificationFollowedUp").isWaitingAt(TASK_NOTIFY_HHS_OF_CHILD);
    }

    @Test
    void lateScreeningOfAChildFromCanadaEscalatesToSupervisor() {
        given(CASE, child(14, "NONE"));
        ProcessInstance custody = start(CASE, "CA", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, custody), withVariables("hhsReferralId", "UC-126"));

        now(APPREHENDED_AT.plus(Duration.ofHours(48)));
        execute(timer(custody, TIMER_SCREENING_OVERDUE));

        verify(custodyEvents).clockBreached(CASE, LegalClock.CONTIGUOUS_COUNTRY_SCREENING,
                APPREHENDED_AT.plus(Duration.ofHours(48)));
        complete(task(TASK_FOLLOW_UP_LATE_SCREENING, custody),
                withVariables("overdueCause", "no interpreter", "overdueAction", "interpreter booked"));
        assertThat(custody).hasPassed("EndEvent_ScreeningFollowedUp").isWaitingAt(TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD);
    }

    @Test
    void orrTransferNotDoneWithin72HoursOfTheDeterminationEscalatesToSupervisor() {
        given(CASE, child(8, "UNRELATED_ADULT"));
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        Instant determinedAt = clock.instant();
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, custody), withVariables("hhsReferralId", "UC-127"));

        now(determinedAt.plus(Duration.ofHours(72)));
        execute(timer(custody, TIMER_ORR_TRANSFER_OVERDUE));

        verify(custodyEvents).clockBreached(CASE, LegalClock.ORR_TRANSFER, determinedAt.plus(Duration.ofHours(72)));
        complete(task(TASK_FOLLOW_UP_LATE_ORR_TRANSFER, custody),
                withVariables("overdueCause", "no bed", "overdueAction", "escalated to ORR duty officer"));
        assertThat(custody).hasPassed("EndEvent_OrrTransferFollowedUp").isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
    }

    @Test
    void releaseDecisionWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        Task decision = task(custody);

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        complete(decision, withVariables("custodyDecision", "RELEASE", "custodyDecisionReason", " ")))
                .hasMessageContaining("custodyDecisionReason");
        assertThat(custody).isWaitingAt(TASK_DECIDE_RELEASE_OR_TRANSFER);
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(String caseNumber, String country, Instant apprehendedAt) {
        var custodyCase = new CustodyCase(caseNumber, "SDC2611250001", "p1", "Lopez", "Ana", null, false, "F",
                country, apprehendedAt, ZoneOffset.ofHours(-8), Classification.UNDETERMINED, null,
                CaseStatus.IN_CBP_CUSTODY, clocks.custodyDeadline(apprehendedAt), null, null, null, null);
        new CustodyProcessStarter(runtimeService(), clocks).start(custodyCase);
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private void given(String caseNumber, FamilyFacts facts) {
        when(familyStatus.gather(caseNumber)).thenReturn(facts);
    }

    private static FamilyFacts adult() {
        return facts(30, "NONE", false, false);
    }

    private static FamilyFacts child(int age, String companion) {
        return facts(age, companion, false, false);
    }

    private static FamilyFacts facts(Integer age, String companion, boolean caresForChild, boolean verified) {
        return new FamilyFacts(age, companion, caresForChild, verified, List.of(CASE), true, null, false, "CLEAR");
    }

    private static FamilyFacts family(int age, String companion, boolean caresForChild, boolean intakeComplete) {
        return new FamilyFacts(age, companion, caresForChild, true, List.of(CASE, OTHER_CASE), intakeComplete, 6,
                false, "CLEAR");
    }

    private static Map<String, Object> intake(String recordsCheck, String medical, boolean verified) {
        return withVariables("biometricsStatus", "CAPTURED", "recordsCheckResult", recordsCheck,
                "medicalScreening", medical, "familyRelationshipVerified", verified);
    }

    private static void now(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static Job timer(ProcessInstance custody, String activityId) {
        return jobQuery().processInstanceId(custody.getId()).activityId(activityId).singleResult();
    }

    private static List<Job> dueTimers(ProcessInstance custody) {
        return jobQuery().processInstanceId(custody.getId()).timers().executable().list();
    }
}
