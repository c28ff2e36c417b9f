package org.bordercustody.custody;

import static org.bordercustody.custody.BreachFollowUpProcess.Elements.*;
import static org.bordercustody.custody.CustodyProcess.Elements.*;
import static org.bordercustody.custody.IceFamilyCustodyProcess.Elements.*;
import static org.bordercustody.custody.OrrTransferProcess.Elements.*;
import static org.bordercustody.custody.ReleaseFollowUpProcess.Elements.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.bordercustody.checkin.CheckIns;
import org.bordercustody.checkin.RecordCheckInDelegate;
import org.bordercustody.checkin.RecordMissedCheckInDelegate;
import org.bordercustody.custody.Classification;
import org.bordercustody.family.Families;
import org.bordercustody.family.FamilyFacts;
import org.bordercustody.family.FamilySeparations;
import org.bordercustody.family.GatherFamilyFactsDelegate;
import org.bordercustody.family.RecordFamilyStatusDelegate;
import org.bordercustody.family.RecordPlacementDelegate;
import org.bordercustody.family.StoreEstablishedFactsDelegate;
import org.bordercustody.family.StoreIntakeFactsDelegate;
import org.bordercustody.release.AddressRules;
import org.bordercustody.release.ZipPrefixes;
import org.bordercustody.release.CustodyOutcomes;
import org.bordercustody.release.GatherReleaseFactsDelegate;
import org.bordercustody.release.IntendedAddress;
import org.bordercustody.release.NotifyIceOfReleaseDelegate;
import org.bordercustody.release.RecordCustodyOutcomeDelegate;
import org.bordercustody.release.RecordIceFamilyCustodyOutcomeDelegate;
import org.bordercustody.release.RecordReleaseDelegate;
import org.bordercustody.release.RecordReleaseProposalDelegate;
import org.bordercustody.release.RecordRemovalDelegate;
import org.bordercustody.release.RecordTransferToIceDelegate;
import org.bordercustody.release.ReleasePolicy;
import org.bordercustody.release.StoreIntendedAddressDelegate;
import org.bordercustody.system.EngineClock;
import org.bordercustody.transfer.RecordChildReturnedDelegate;
import org.bordercustody.transfer.RecordTransferToOrrDelegate;
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
    "bpmn/migrant-custody.bpmn", "bpmn/orr-transfer.bpmn", "bpmn/ice-family-custody.bpmn", "bpmn/release-follow-up.bpmn", "bpmn/breach-follow-up.bpmn", "dmn/family-status.dmn", "dmn/family-unit-placement.dmn",
    "dmn/release-eligibility.dmn"})
class MigrantCustodyProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CustodyTestEngine.fullCoverage();

    static final Instant APPREHENDED_AT = Instant.parse("2026-11-25T11:14:00Z");
    static final String CASE = "SDC2611250001-01";
    static final String OTHER_CASE = "SDC2611250001-02";

    ProcessEngine processEngine;
    final Families familyStatus = mock(Families.class);
    final CustodyEvents custodyEvents = mock(CustodyEvents.class);
    final BreachRepository breaches = mock(BreachRepository.class);
    final Timeline timeline = mock(Timeline.class);
    final CustodyOutcomes custodyOutcomes = mock(CustodyOutcomes.class);
    final CheckIns checkIns = mock(CheckIns.class);
    final Encounters encounters = mock(Encounters.class);
    final CustodyClocks clocks = CustodyTestEngine.defaultClocks();
    final Clock clock = new EngineClock();

    /** What the mocked use cases recorded in the case, by case number, for the steps after a wait state. */
    final Map<String, Classification> classifications = new HashMap<>();
    final Map<String, String> placements = new HashMap<>();
    final Map<String, CustodyOutcomes.Proposal> proposals = new HashMap<>();
    final Map<String, String> outcomes = new HashMap<>();
    final Map<String, CustodyCase> started = new HashMap<>();
    /** The children the supervisor's decision separates from the family: none unless a test says so. */
    List<FamilySeparations.SeparatedChild> separatedChildren = List.of();
    final ReleasePolicy releasePolicy = new ReleasePolicy(10, Duration.ofDays(90), true);

    @BeforeEach
    void registerBeans() {
        init(processEngine);
        now(APPREHENDED_AT.plus(Duration.ofHours(1)));
        var familyMessenger = new FamilyMessenger(runtimeService());
        Mocks.register("storeIntakeFacts", new StoreIntakeFactsDelegate(familyStatus));
        Mocks.register("gatherFamilyFacts", new GatherFamilyFactsDelegate(familyStatus, familyMessenger, clocks));
        Mocks.register("storeEstablishedFacts", new StoreEstablishedFactsDelegate(familyStatus));
        Mocks.register("recordFamilyStatus", new RecordFamilyStatusDelegate(familyStatus, clocks, clock));
        Mocks.register("recordPlacement", new RecordPlacementDelegate(familyStatus));
        Mocks.register("gatherReleaseFacts", new GatherReleaseFactsDelegate(custodyOutcomes));
        Mocks.register("recordReleaseProposal", new RecordReleaseProposalDelegate(custodyOutcomes));
        Mocks.register("recordCustodyOutcome", new RecordCustodyOutcomeDelegate(custodyOutcomes, familyMessenger));
        Mocks.register("storeIntendedAddress", new StoreIntendedAddressDelegate(new AddressRules(new ZipPrefixes()), custodyOutcomes));
        Mocks.register("recordRelease", new RecordReleaseDelegate(custodyOutcomes, familyMessenger));
        Mocks.register("recordTransferToIce", new RecordTransferToIceDelegate(custodyOutcomes, familyMessenger));
        Mocks.register("recordRemoval", new RecordRemovalDelegate(custodyOutcomes, familyMessenger));
        Mocks.register("recordIceFamilyCustodyOutcome",
                new RecordIceFamilyCustodyOutcomeDelegate(custodyOutcomes, familyMessenger));
        Mocks.register("recordCheckIn", new RecordCheckInDelegate(checkIns));
        Mocks.register("recordMissedCheckIn", new RecordMissedCheckInDelegate(checkIns));
        Mocks.register("endFamilyFollowUp", new org.bordercustody.checkin.EndFamilyFollowUpDelegate(checkIns));
        Mocks.register("handOnFamilyFollowUp", new org.bordercustody.checkin.HandOnFamilyFollowUpDelegate(checkIns));
        Mocks.register("recordReEncounter", new org.bordercustody.checkin.RecordReEncounterDelegate(encounters));
        Mocks.register("notifyIceOfRelease", new NotifyIceOfReleaseDelegate(custodyOutcomes));
        Mocks.register("startReleaseFollowUp", new org.bordercustody.checkin.StartReleaseFollowUpDelegate());
        Mocks.register("startIceFamilyCustody", new org.bordercustody.release.StartIceFamilyCustodyDelegate());
        // The case keeps what intake found; the release decision reads it from there.
        Map<String, Families.IntakeFacts> intakes = new HashMap<>();
        doAnswer(recorded -> intakes.put(recorded.getArgument(0), recorded.getArgument(1)))
                .when(familyStatus).recordIntake(any(), any(), any());
        when(custodyOutcomes.releaseFactsOf(any())).thenAnswer(read -> {
            Families.IntakeFacts facts = intakes.get(read.getArgument(0, String.class));
            return new CustodyOutcomes.ReleaseFacts(facts.processingPathway(), facts.flightRisk(),
                    releasePolicy.iceDetentionBedsAvailable(), false);
        });
        Mocks.register("decisionOutcome", new DecisionOutcome());
        when(familyStatus.recordClassification(any(), any())).thenAnswer(recorded -> {
            classifications.put(recorded.getArgument(0), recorded.getArgument(1));
            return started.get(recorded.getArgument(0, String.class));
        });
        doAnswer(recorded -> placements.put(recorded.getArgument(0), recorded.getArgument(1)))
                .when(familyStatus).recordPlacement(any(), any());
        doAnswer(recorded -> proposals.put(recorded.getArgument(0), recorded.getArgument(1)))
                .when(custodyOutcomes).recordProposal(any(), any());
        when(custodyOutcomes.proposalOf(any())).thenAnswer(read -> proposals.get(read.getArgument(0, String.class)));
        when(custodyOutcomes.outcomeOf(any())).thenAnswer(read -> outcomes.get(read.getArgument(0, String.class)));
        when(custodyOutcomes.isFamilyMember(any())).thenAnswer(read ->
                classifications.get(read.getArgument(0, String.class)) == Classification.FAMILY_UNIT_MEMBER);
        when(custodyOutcomes.decide(any(), anyBoolean(), any(), any(), any(), any())).thenAnswer(decision -> {
            String outcome = decision.getArgument(1, Boolean.class)
                    ? proposals.get(decision.getArgument(0, String.class)).outcome()
                    : decision.getArgument(2, String.class);
            outcomes.put(decision.getArgument(0), outcome);
            return new CustodyOutcomes.Decided(outcome, separatedChildren);
        });
        var breachFollowUps = new BreachFollowUps(custodyEvents, breaches, timeline, runtimeService(), clock);
        Mocks.register("startBreachFollowUp", new StartBreachFollowUpDelegate(breachFollowUps));
        Mocks.register("recordBreachExplanation", new RecordBreachExplanationDelegate(breachFollowUps));
        when(breaches.explain(any(), any(), any())).thenReturn(true);
        Mocks.register("custodyLimitApproaching", new CustodyLimitApproachingListener(custodyEvents));
        Mocks.register("recordTransferToOrr", new RecordTransferToOrrDelegate(custodyEvents, new org.bordercustody.facility.Facilities()));
        Mocks.register("recordChildReturned", new RecordChildReturnedDelegate(custodyEvents));
        Mocks.register("recordOrrPlacement", new org.bordercustody.transfer.RecordOrrPlacementDelegate(custodyEvents,
                new org.bordercustody.facility.Facilities()));
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
                eq(new Families.IntakeFacts("CAPTURED", "CLEAR", "NO_CONCERNS", "NTA_OR", "LOW", false)), any());

        assertThat(custody).isWaitingAt(TASK_APPROVE_CUSTODY_OUTCOME);
        Assertions.assertThat(placements).containsEntry(CASE, "ADULT_RELEASE_OR_DETENTION_REVIEW");
        Assertions.assertThat(proposals.get(CASE).outcome()).isEqualTo("RELEASE_NTA_OR");
        assertThat(task(custody)).hasCandidateGroup("border-patrol-supervisor");
        verify(familyStatus).recordClassification(eq(CASE), eq(Classification.SINGLE_ADULT));
        verify(familyStatus).recordPlacement(eq(CASE), eq("ADULT_RELEASE_OR_DETENTION_REVIEW"));
        verify(custodyOutcomes).recordProposal(CASE, new CustodyOutcomes.Proposal("RELEASE_NTA_OR",
                "Notice to Appear, release on own recognizance"));
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
        assertThat(child).isWaitingAt(EVENT_FAMILY_OUTCOME_CARRIED_OUT);
        assertThat(parent).isWaitingAt(TASK_APPROVE_CUSTODY_OUTCOME);
        Assertions.assertThat(classifications).containsEntry(CASE, Classification.FAMILY_UNIT_MEMBER)
                .containsEntry(OTHER_CASE, Classification.FAMILY_UNIT_MEMBER);
        Assertions.assertThat(placements).containsEntry(CASE, "FAMILY_RELEASE_REVIEW").containsEntry(OTHER_CASE, "FAMILY_RELEASE_REVIEW");
    }

    @Test
    void childWithAnAuntIsUnaccompaniedAndIsTransferredToOrrWhichStopsEveryClock() {
        given(CASE, child(9, "OTHER_RELATIVE"));
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));

        Assertions.assertThat(classifications).containsEntry(CASE, Classification.UNACCOMPANIED_CHILD);
        Assertions.assertThat(placements).containsEntry(CASE, "TRANSFER_TO_HHS_ORR");
        assertThat(atWork(custody)).isWaitingAt(TASK_NOTIFY_HHS_OF_CHILD)
                .variables().containsEntry("orrTransferDeadline", Date.from(clock.instant().plus(Duration.ofHours(72))));
        assertThat(task(custody)).hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));
        complete(task(custody), withVariables("hhsReferralId", "UC-123"));

        assertThat(atWork(custody)).hasNotPassed(TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD).isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
        assertThat(task(custody)).hasCandidateGroup("orr-liaison");
        complete(task(custody), withVariables("orrFacility", "ORR-SH-TX-01", "orrPlacementType", "SHELTER"));
        verify(custodyEvents).orrPlacementDesignated(eq(CASE),
                eq("ORR shelter care provider (Brownsville) (ORR-SH-TX-01)"), eq("SHELTER"), any());
        assertThat(atWork(custody)).isWaitingAt(TASK_CONFIRM_TRANSFER_TO_ORR);
        complete(task(custody), withVariables("orrReceivedBy", "R. Diaz"));

        verify(custodyEvents).transferredToOrr(CASE, "ORR-SH-TX-01", "ORR shelter care provider (Brownsville) (ORR-SH-TX-01)");
        assertThat(custody).hasPassed(END_TRANSFERRED_TO_ORR).isEnded();
        org.assertj.core.api.Assertions.assertThat(jobQuery().count()).as("timers left after transfer").isZero();
    }

    @Test
    void childFromMexicoIsScreenedWithin48HoursAndMayReturn() {
        given(CASE, child(16, "NONE"));
        ProcessInstance custody = start(CASE, "MX", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, custody), withVariables("hhsReferralId", "UC-124"));

        ProcessInstance orrTransfer = atWork(custody);
        assertThat(orrTransfer).isWaitingAt(TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD);
        assertThat(task(custody)).hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));
        complete(task(custody), withVariables("screeningOutcome", "RETURN_PERMITTED", "screeningNotes", "no fear claimed"));

        verify(custodyEvents).childReturned(CASE);
        assertThat(orrTransfer).hasPassed("EndEvent_ChildMayReturn").isEnded();
        assertThat(custody).hasPassed(CALL_TRANSFER_CHILD_TO_ORR, END_CHILD_RETURNED).isEnded();
    }

    @Test
    void childFromMexicoReferredToOrrIsPlacedThroughTheOrrSystem() {
        given(CASE, child(15, "UNRELATED_ADULT"));
        ProcessInstance custody = start(CASE, "MX", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, custody), withVariables("hhsReferralId", "UC-125"));
        complete(task(custody), withVariables("screeningOutcome", "REFER_TO_ORR", "screeningNotes", "fears return"));

        assertThat(atWork(custody)).isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
        runtimeService().createMessageCorrelation(OrrTransferProcess.Messages.ORR_PLACEMENT_DESIGNATED)
                .processInstanceBusinessKey(CASE)
                .setVariables(Map.of("orrFacility", "ORR-SH-AZ-01", "orrPlacementType", "SHELTER",
                        "orrPlacementBy", "orr-system"))
                .correlate();
        verify(custodyEvents).orrPlacementDesignated(CASE, "ORR shelter care provider (Phoenix) (ORR-SH-AZ-01)",
                "SHELTER", "orr-system");

        assertThat(atWork(custody)).hasPassed(EVENT_ORR_PLACEMENT_DESIGNATED).isWaitingAt(TASK_CONFIRM_TRANSFER_TO_ORR);
        complete(task(custody), withVariables("orrReceivedBy", "M. Ortiz"));
        verify(custodyEvents).transferredToOrr(CASE, "ORR-SH-AZ-01", "ORR shelter care provider (Phoenix) (ORR-SH-AZ-01)");
        assertThat(custody).hasPassed(END_TRANSFERRED_TO_ORR).isEnded();
    }

    @Test
    void unknownDateOfBirthStopsAtEstablishFamilyStatusAndTheDecisionRunsAgain() {
        when(familyStatus.gather(CASE)).thenReturn(facts(null, "NONE", false, false), adult());
        ProcessInstance custody = start(CASE, "HN", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));

        assertThat(custody).isWaitingAt(TASK_ESTABLISH_FAMILY_STATUS);
        assertThat(task(custody)).hasCandidateGroup("border-patrol-agent");
        complete(task(custody), withVariables("dateOfBirth", "1990-01-15", "dateOfBirthEstimated", true,
                "familyRelationshipVerified", false, "familyFactsSource", "dental estimate"));

        verify(familyStatus).establish(eq(CASE), eq(LocalDate.of(1990, 1, 15)), eq(true), eq(false),
                eq("dental estimate"), any());
        assertThat(custody).isWaitingAt(TASK_APPROVE_CUSTODY_OUTCOME);
        Assertions.assertThat(classifications).containsEntry(CASE, Classification.SINGLE_ADULT);
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

        assertThat(custody).hasPassed(TASK_ESCALATE_CUSTODY_LIMIT_BREACH, "EndEvent_CustodyLimitBreachResolved")
                .isWaitingAt(TASK_RECORD_INTAKE);
        verify(custodyEvents).clockBreached(CASE, LegalClock.CBP_HOLDING_LIMIT, APPREHENDED_AT.plus(Duration.ofHours(72)));
        ProcessInstance followUp = followUpOf(CASE, LegalClock.CBP_HOLDING_LIMIT);
        Task breach = task(TASK_RESOLVE_CUSTODY_LIMIT_BREACH, followUp);
        assertThat(breach).hasName("Custody limit exceeded").hasCandidateGroup("border-patrol-supervisor")
                .hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(72))));
        org.assertj.core.api.Assertions.assertThat(breach.getPriority()).isEqualTo(TaskPriorities.ESCALATION);

        complete(breach, withVariables("overdueCause", "RECEIVING_FACILITY_FULL", "overdueAction", "transport arranged"));
        assertThat(followUp).hasPassed(END_BREACH_EXPLAINED).isEnded();
        verify(breaches).explain(eq(CASE), eq(LegalClock.CBP_HOLDING_LIMIT), eq(new BreachRepository.Explanation(
                BreachCause.RECEIVING_FACILITY_FULL, null, "transport arranged", "system", clock.instant())));
        assertThat(custody).isWaitingAt(TASK_RECORD_INTAKE);
    }

    @Test
    void theReviewOfACaseNearingTheLimitEndsWhenTheLimitIsReachedSoTheSupervisorHasOneTask() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        now(APPREHENDED_AT.plus(Duration.ofHours(48)));
        execute(timer(custody, TIMER_CUSTODY_WARNING_REACHED));
        assertThat(custody).isWaitingAt(TASK_REVIEW_APPROACHING_CUSTODY_LIMIT);

        now(APPREHENDED_AT.plus(Duration.ofHours(72)));
        execute(timer(custody, TIMER_CUSTODY_LIMIT_REACHED_BEFORE_REVIEW));
        execute(timer(custody, TIMER_CUSTODY_LIMIT_REACHED));

        assertThat(custody).hasPassed("EndEvent_ReviewReplacedByBreachFollowUp")
                .hasNotPassed("EndEvent_CustodyWarningReviewed").isWaitingAt(TASK_RECORD_INTAKE);
        org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceBusinessKey(CASE)
                        .taskCandidateGroup("border-patrol-supervisor").list())
                .extracting(Task::getName).containsExactly("Custody limit exceeded");
    }

    @Test
    void aBreachAlreadyFollowedUpOrExplainedIsNotFollowedUpAgain() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        now(APPREHENDED_AT.plus(Duration.ofHours(72)));
        execute(timer(custody, TIMER_CUSTODY_LIMIT_REACHED));
        var followUps = new BreachFollowUps(custodyEvents, breaches, timeline, runtimeService(), clock);
        Instant dueAt = APPREHENDED_AT.plus(Duration.ofHours(72));

        org.assertj.core.api.Assertions.assertThat(followUps.followUp(CASE, LegalClock.CBP_HOLDING_LIMIT, dueAt))
                .as("one is running").isFalse();
        complete(task(TASK_RESOLVE_CUSTODY_LIMIT_BREACH, followUpOf(CASE, LegalClock.CBP_HOLDING_LIMIT)),
                withVariables("overdueCause", "OTHER", "overdueCauseDetails", "road closed by flooding",
                        "overdueAction", "bus rerouted"));
        when(breaches.isExplained(CASE, LegalClock.CBP_HOLDING_LIMIT)).thenReturn(true);
        org.assertj.core.api.Assertions.assertThat(followUps.followUp(CASE, LegalClock.CBP_HOLDING_LIMIT, dueAt))
                .as("explained").isFalse();
        org.assertj.core.api.Assertions.assertThat(followUps.followUp(CASE, LegalClock.HHS_NOTIFICATION, dueAt))
                .as("another clock of the case").isTrue();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(BreachFollowUpProcess.KEY).processInstanceBusinessKey(CASE).count()).isEqualTo(1);
    }

    @Test
    void aFollowUpWithoutACauseFromTheListOrWithoutAnActionStaysOpen() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        now(APPREHENDED_AT.plus(Duration.ofHours(72)));
        execute(timer(custody, TIMER_CUSTODY_LIMIT_REACHED));
        ProcessInstance followUp = followUpOf(CASE, LegalClock.CBP_HOLDING_LIMIT);
        Task breach = task(TASK_RESOLVE_CUSTODY_LIMIT_BREACH, followUp);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(breach,
                withVariables("overdueCause", "no bed", "overdueAction", "called"))).hasMessageContaining("overdueCause");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(breach,
                withVariables("overdueCause", "OTHER", "overdueAction", "called"))).hasMessageContaining("overdueCauseDetails");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(breach,
                withVariables("overdueCause", "MEDICAL_CARE"))).hasMessageContaining("overdueAction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(breach,
                withVariables("overdueCause", "MEDICAL_CARE", "overdueAction", "x".repeat(1001))))
                .hasMessageContaining("overdueAction");

        assertThat(followUp).isWaitingAt(TASK_RESOLVE_CUSTODY_LIMIT_BREACH);
        verify(breaches, never()).explain(any(), any(), any());
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
        assertThat(custody).isWaitingAt(TASK_RECORD_INTAKE);
        assertThat(followUpOf(CASE, LegalClock.CBP_HOLDING_LIMIT)).isWaitingAt(TASK_RESOLVE_CUSTODY_LIMIT_BREACH);
    }

    @Test
    void lateHhsNotificationOfAnUnaccompaniedChildEscalatesToSupervisor() {
        given(CASE, child(12, "NONE"));
        ProcessInstance custody = start(CASE, "SV", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));

        now(APPREHENDED_AT.plus(Duration.ofHours(48)));
        execute(timer(custody, TIMER_HHS_NOTIFICATION_OVERDUE));

        verify(custodyEvents).clockBreached(CASE, LegalClock.HHS_NOTIFICATION, APPREHENDED_AT.plus(Duration.ofHours(48)));
        assertThat(atWork(custody)).hasPassed(TASK_ESCALATE_LATE_HHS_NOTIFICATION, "EndEvent_HhsNotificationFollowedUp")
                .isWaitingAt(TASK_NOTIFY_HHS_OF_CHILD);
        ProcessInstance followUp = followUpOf(CASE, LegalClock.HHS_NOTIFICATION);
        assertThat(task(TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION, followUp)).hasCandidateGroup("border-patrol-supervisor")
                .hasDueDate(Date.from(APPREHENDED_AT.plus(Duration.ofHours(48))));
        complete(task(followUp), withVariables("overdueCause", "PARTNER_SYSTEM_UNAVAILABLE", "overdueAction", "called ORR"));
        assertThat(followUp).hasPassed(END_BREACH_EXPLAINED).isEnded();
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
        assertThat(atWork(custody)).hasPassed(TASK_ESCALATE_LATE_SCREENING, "EndEvent_ScreeningFollowedUp")
                .isWaitingAt(TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD);
        ProcessInstance followUp = followUpOf(CASE, LegalClock.CONTIGUOUS_COUNTRY_SCREENING);
        assertThat(task(followUp)).hasCandidateGroup("border-patrol-supervisor");
        complete(task(TASK_FOLLOW_UP_LATE_SCREENING, followUp),
                withVariables("overdueCause", "INTERPRETER_NOT_AVAILABLE", "overdueAction", "interpreter booked"));
        assertThat(followUp).hasPassed(END_BREACH_EXPLAINED).isEnded();
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
        assertThat(custody).hasPassed(TASK_ESCALATE_LATE_ORR_TRANSFER, "EndEvent_OrrTransferFollowedUp")
                .isWaitingAt(CALL_TRANSFER_CHILD_TO_ORR);
        assertThat(atWork(custody)).as("the transfer goes on").isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
        ProcessInstance followUp = followUpOf(CASE, LegalClock.ORR_TRANSFER);
        assertThat(task(followUp)).hasCandidateGroup("border-patrol-supervisor");
        complete(task(TASK_FOLLOW_UP_LATE_ORR_TRANSFER, followUp),
                withVariables("overdueCause", "AWAITING_ORR_PLACEMENT", "overdueAction", "escalated to ORR duty officer"));
        assertThat(followUp).hasPassed(END_BREACH_EXPLAINED).isEnded();
    }

    @Test
    void approvalWithoutAnAnswerIsRefusedAndTheTaskStaysOpen() {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        complete(task(custody), intake("CLEAR", "NO_CONCERNS", false));
        Task approval = task(custody);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(approval, withVariables("overrideReason", "x")))
                .hasMessageContaining("approveProposal");
        assertThat(custody).isWaitingAt(TASK_APPROVE_CUSTODY_OUTCOME);
    }


    @Test
    void singleAdultIsReleasedWithAnAddressAndChecksInWithin60Days() {
        ProcessInstance custody = adultAwaitingApproval("NTA_OR");
        complete(task(custody), withVariables("approveProposal", "true"));
        verify(custodyOutcomes).decide(eq(CASE), eq(true), any(), any(), any(), any());

        assertThat(custody).isWaitingAt(TASK_RECORD_INTENDED_ADDRESS);
        Assertions.assertThat(outcomes).containsEntry(CASE, "RELEASE_NTA_OR");
        recordAddress(custody);
        verify(custodyOutcomes).recordAddress(eq(CASE), eq(ADDRESS), any());
        assertThat(custody).isWaitingAt(TASK_ISSUE_RELEASE_DOCUMENTS).variables()
                .doesNotContainKeys("addressStreet", "contactPhone", "addressRecurring");
        releaseTo(custody, List.of(CASE));

        assertThat(custody).hasPassed(END_RELEASED, END_RELEASED_TO_FOLLOW_UP).isEnded();
        ProcessInstance followUp = releaseFollowUpOf(custody);
        assertThat(followUp).hasBusinessKey(CASE).hasPassed(START_PERSON_RELEASED, END_ICE_NOTIFIED)
                .isWaitingAt(GATEWAY_CHECK_IN_OR_DEADLINE).variables()
                .containsEntry("checkInDueBy", Date.from(clock.instant().plus(Duration.ofDays(60))))
                .doesNotContainKeys("custodyExit", "releaseDocuments", "releaseDocumentNumber");
        org.assertj.core.api.Assertions.assertThat(followUp.getTenantId()).as("the custody process's sector")
                .isEqualTo(custody.getTenantId());
        reportCheckIn();

        verify(checkIns).recordCheckIn(eq(CASE), any(), eq("Houston ERO"), eq("ice-officer"), isNull());
        assertThat(followUp).hasPassed(END_CHECKED_IN).isEnded();
    }

    @Test
    void missedCheckInAfter60DaysAsksIceToLocateThePersonAtTheRecordedAddress() {
        ProcessInstance custody = releasedAdult();
        Instant due = clock.instant().plus(Duration.ofDays(60));
        now(due.minusSeconds(1));
        org.assertj.core.api.Assertions.assertThat(dueTimers(custody)).isEmpty();

        now(due);
        execute(timer(custody, TIMER_CHECK_IN_DEADLINE_PASSED));

        verify(checkIns).recordMissed(CASE);
        Task locate = task(TASK_LOCATE_PERSON, custody);
        assertThat(locate).hasCandidateGroup("ice-ero-officer");
        assertThat(custody).variables().containsKey("checkInDueBy")
                .doesNotContainKeys("addressStreet", "contactPhone", "releaseAddressText");
        complete(locate, withVariables("locateOutcome", "REFERRED_TO_FUGITIVE_OPERATIONS", "locateNotes", "moved"));
        assertThat(custody).hasPassed(END_FOLLOW_UP_CLOSED).isEnded();
        verify(checkIns).endFamilyFollowUp(CASE, false);
    }

    @Test
    void aChildWhoMissedTheCheckInWithTheParentGetsNoSearchOfTheirOwnAndIsFollowedUpWithTheParent() {
        ProcessInstance[] family = familyThatMissedTheCheckIn();
        ProcessInstance parent = family[0];
        ProcessInstance child = family[1];

        assertThat(parent).isWaitingAt(TASK_LOCATE_PERSON);
        assertThat(child).isWaitingAt("Gateway_FamilyFollowUp");
        org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey(TASK_LOCATE_PERSON).count())
                .as("one search for the family").isEqualTo(1);

        complete(task(TASK_LOCATE_PERSON, parent), withVariables("locateOutcome", "REFERRED_TO_FUGITIVE_OPERATIONS",
                "locateNotes", "moved with the children"));
        verify(checkIns).endFamilyFollowUp(CASE, false);
        followUpEnded(OTHER_CASE, false);
        assertThat(child).hasPassed("Event_FamilyFollowUpEnded", "EndEvent_FollowedUpWithFamily").isEnded();
    }

    @Test
    void aChildWhoseParentWasFoundWithoutThemIsLocatedOnTheirOwn() {
        ProcessInstance[] family = familyThatMissedTheCheckIn();
        ProcessInstance parent = family[0];
        ProcessInstance child = family[1];

        reEncounter();
        assertThat(parent).hasPassed(EVENT_LOCATED_BY_RE_ENCOUNTER, "Task_HandOnFamilyFollowUp",
                END_LOCATED_BY_RE_ENCOUNTER).isEnded();
        verify(checkIns).endFamilyFollowUp(CASE, true);
        followUpEnded(OTHER_CASE, true);

        assertThat(child).isWaitingAt(TASK_LOCATE_PERSON);
        assertThat(task(TASK_LOCATE_PERSON, child)).hasCandidateGroup("ice-ero-officer");
    }

    @Test
    void aChildFollowedUpWithTheParentChecksInLateWithTheParent() {
        ProcessInstance[] family = releasedFamily();
        ProcessInstance child = family[1];
        when(checkIns.recordMissed(OTHER_CASE)).thenReturn(true);
        now(clock.instant().plus(Duration.ofDays(61)));
        execute(timer(child, TIMER_CHECK_IN_DEADLINE_PASSED));

        runtimeService().createMessageCorrelation(ReleaseFollowUpProcess.Messages.CHECK_IN_REPORTED)
                .processInstanceBusinessKey(OTHER_CASE)
                .setVariables(Map.of("checkInReportedAt", Date.from(clock.instant()), "checkInOffice", "Houston ERO",
                        "checkInRecordedBy", "ice-officer", "checkInWith", CASE))
                .correlate();

        assertThat(child).hasPassed("Event_ChildCheckedInWithFamily", "EndEvent_CheckedInWithFamily").isEnded();
        verify(checkIns).recordCheckIn(eq(OTHER_CASE), any(), eq("Houston ERO"), eq("ice-officer"), eq(CASE));
    }

    @Test
    void aChildFollowedUpWithTheParentWhoIsApprehendedAgainIsLocated() {
        ProcessInstance child = releasedFamily()[1];
        when(checkIns.recordMissed(OTHER_CASE)).thenReturn(true);
        now(clock.instant().plus(Duration.ofDays(61)));
        execute(timer(child, TIMER_CHECK_IN_DEADLINE_PASSED));

        runtimeService().createMessageCorrelation(ReleaseFollowUpProcess.Messages.PERSON_RE_ENCOUNTERED)
                .processInstanceBusinessKey(OTHER_CASE).correlate();

        assertThat(child).hasPassed("Event_ChildReEncountered", "EndEvent_ChildReEncountered").isEnded();
        verify(encounters).recordReEncountered(OTHER_CASE);
    }

    @Test
    void lateCheckInIsStillAcceptedAndClosesTheLocateTask() {
        ProcessInstance custody = releasedAdult();
        now(clock.instant().plus(Duration.ofDays(61)));
        execute(timer(custody, TIMER_CHECK_IN_DEADLINE_PASSED));
        assertThat(custody).isWaitingAt(TASK_LOCATE_PERSON);

        reportCheckIn();

        assertThat(custody).hasPassed(EVENT_LATE_CHECK_IN_REPORTED, END_CHECKED_IN_LATE).isEnded();
        verify(checkIns).recordCheckIn(eq(CASE), any(), eq("Houston ERO"), eq("ice-officer"), isNull());
        org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(custody.getId()).count()).isZero();
    }

    @Test
    void aReleasedPersonApprehendedAgainEndsTheCheckInWaitAsReEncounteredNotMissed() {
        ProcessInstance custody = releasedAdult();

        reEncounter();

        verify(encounters).recordReEncountered(CASE);
        assertThat(custody).hasPassed(EVENT_PERSON_RE_ENCOUNTERED, END_RE_ENCOUNTERED).isEnded();
        verify(checkIns, never()).recordMissed(any());
        org.assertj.core.api.Assertions.assertThat(jobQuery()
                .processInstanceId(custody.getId()).timers().count()).isZero();
    }

    @Test
    void aPersonWhoMissedTheCheckInAndIsApprehendedAgainIsLocatedAndTheLocateTaskCloses() {
        ProcessInstance custody = releasedAdult();
        now(clock.instant().plus(Duration.ofDays(61)));
        execute(timer(custody, TIMER_CHECK_IN_DEADLINE_PASSED));
        assertThat(custody).isWaitingAt(TASK_LOCATE_PERSON);

        reEncounter();

        verify(encounters).recordReEncountered(CASE);
        assertThat(custody).hasPassed(EVENT_LOCATED_BY_RE_ENCOUNTER, END_LOCATED_BY_RE_ENCOUNTER).isEnded();
        org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(custody.getId()).count()).isZero();
    }

    @Test
    void anAddressInAMultiUnitBuildingWithoutAUnitIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance custody = adultAwaitingApproval("NTA_OR");
        complete(task(custody), withVariables("approveProposal", true));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(custody), withVariables(
                        "addressStreet", "1208 Maple Ave", "addressBuildingType", "MULTI_UNIT",
                        "addressCity", "Houston", "addressState", "TX", "addressZip", "77002")))
                .hasMessageContaining("addressUnit");
        assertThat(custody).isWaitingAt(TASK_RECORD_INTENDED_ADDRESS);
        org.mockito.Mockito.verify(custodyOutcomes, org.mockito.Mockito.never()).recordAddress(any(), any(), any());
    }

    @Test
    void anAddressGivenByManyGoesToTheSupervisorWhoMayAskForAnother() {
        ProcessInstance custody = adultAwaitingApproval("NOTICE_TO_REPORT");
        complete(task(custody), withVariables("approveProposal", true));
        when(custodyOutcomes.recordAddress(any(), any(), any())).thenReturn(true);

        recordAddress(custody);
        assertThat(custody).isWaitingAt(TASK_REVIEW_RECURRING_ADDRESS).variables()
                .doesNotContainKeys("addressReleaseCount", "addressRecurring", "addressStreet");
        assertThat(task(custody)).hasCandidateGroup("border-patrol-supervisor");
        complete(task(custody), withVariables("recurringAddressAccepted", "false", "recurringAddressNotes", "stash house"));
        assertThat(custody).isWaitingAt(TASK_RECORD_INTENDED_ADDRESS);

        recordAddress(custody);
        complete(task(custody), withVariables("recurringAddressAccepted", "true", "recurringAddressNotes", "shelter"));
        assertThat(custody).isWaitingAt(TASK_ISSUE_RELEASE_DOCUMENTS);
    }

    @Test
    void supervisorOverridesTheProposalAndIceAcceptsTheTransfer() {
        ProcessInstance custody = adultAwaitingApproval("NTA_OR");
        complete(task(custody), withVariables("approveProposal", "false", "overrideOutcome", "TRANSFER_TO_ICE_DETENTION",
                "overrideReason", "absconded before"));
        verify(custodyOutcomes).decide(eq(CASE), eq(false), eq("TRANSFER_TO_ICE_DETENTION"),
                eq("absconded before"), any(), any());

        assertThat(custody).isWaitingAt(TASK_PREPARE_ICE_TRANSFER);
        complete(task(custody), withVariables("iceFacility", "PISPC", "transferRecord", "no medical issues"));
        assertThat(custody).isWaitingAt(TASK_ACCEPT_ICE_TRANSFER);
        assertThat(task(custody)).hasCandidateGroup("ice-ero-officer");
        when(custodyOutcomes.transferToIce(eq(CASE), eq("PISPC"), eq("B-77"), any()))
                .thenReturn(new CustodyOutcomes.BookedIn(clock.instant(), null, List.of(CASE)));
        complete(task(custody), withVariables("iceBookInNumber", "B-77"));

        assertThat(custody).hasPassed(END_TRANSFERRED_TO_ICE, END_CASE_CLOSED).isEnded();
    }

    @Test
    void expeditedRemovalEndsTheCaseRemoved() {
        ProcessInstance custody = adultAwaitingApproval("EXPEDITED_REMOVAL");
        Assertions.assertThat(proposals.get(CASE).outcome()).isEqualTo("EXPEDITED_REMOVAL");
        complete(task(custody), withVariables("approveProposal", true));

        assertThat(custody).isWaitingAt(TASK_RECORD_REMOVAL);
        when(custodyOutcomes.remove(eq(CASE), eq("Hidalgo"), any()))
                .thenReturn(List.of(CASE));
        complete(task(custody), withVariables("departurePort", "Hidalgo"));

        assertThat(custody).hasPassed(END_REMOVED, END_CASE_CLOSED).isEnded();
    }

    @Test
    void theFamilyGetsOneDecisionAndIsReleasedTogether() {
        ProcessInstance[] family = familyAwaitingApproval("CLEAR");
        ProcessInstance parent = family[0];
        ProcessInstance child = family[1];
        assertThat(child).isWaitingAt(EVENT_FAMILY_OUTCOME_CARRIED_OUT);
        org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(child.getId()).count()).isZero();

        complete(task(parent), withVariables("approveProposal", true));
        recordAddress(parent);
        releaseTo(parent, List.of(CASE, OTHER_CASE));

        for (ProcessInstance member : family) {
            assertThat(member).hasPassed(END_RELEASED_TO_FOLLOW_UP).isEnded();
            assertThat(releaseFollowUpOf(member)).isWaitingAt(GATEWAY_CHECK_IN_OR_DEADLINE).variables()
                    .containsKey("checkInDueBy").doesNotContainKeys("custodyExit", "releaseAddressText");
        }
        assertThat(child).hasPassed(EVENT_FAMILY_OUTCOME_CARRIED_OUT, "EndEvent_LeftWithFamily");
    }

    @Test
    void aChildSeparatedFromTheFamilyGoesToOrrWithTheHhsAndOrrClocksFromTheDecisionAndTheParentToIce() {
        ProcessInstance[] family = familyAwaitingApproval("CRIMINAL_HISTORY");
        ProcessInstance parent = family[0];
        ProcessInstance child = family[1];
        now(APPREHENDED_AT.plus(Duration.ofHours(30)));
        Instant decidedAt = clock.instant();
        separatedChildren = List.of(new FamilySeparations.SeparatedChild(OTHER_CASE, ProcessData.of()
                .with("separatedFromFamily", true)
                .with("hhsNotificationDeadline", Date.from(decidedAt.plus(Duration.ofHours(48))))
                .with("orrTransferDeadline", Date.from(decidedAt.plus(Duration.ofHours(72))))
                .with("screeningDeadline", Date.from(decidedAt.plus(Duration.ofHours(48))))
                .with("contiguousCountryNational", false)
                .variables()));

        complete(task(parent), withVariables("approveProposal", "false", "overrideOutcome", "TRANSFER_TO_ICE_DETENTION",
                "overrideReason", "warrant", "familySeparation", "SEPARATE", "separationReason",
                "CRIMINAL_HISTORY_OR_WARRANT", "separationNote", "warrant for assault"));

        assertThat(parent).isWaitingAt(TASK_PREPARE_ICE_TRANSFER);
        assertThat(child).hasPassed(EVENT_FAMILY_OUTCOME_CARRIED_OUT).hasNotPassed("EndEvent_LeftWithFamily")
                .isWaitingAt(CALL_TRANSFER_CHILD_TO_ORR);
        assertThat(atWork(child)).hasBusinessKey(OTHER_CASE).isWaitingAt(TASK_NOTIFY_HHS_OF_CHILD);
        assertThat(task(TASK_NOTIFY_HHS_OF_CHILD, child)).hasCandidateGroup("border-patrol-agent")
                .hasDueDate(Date.from(decidedAt.plus(Duration.ofHours(48))));
        org.assertj.core.api.Assertions.assertThat(timer(child, TIMER_ORR_TRANSFER_OVERDUE).getDuedate())
                .isEqualTo(Date.from(decidedAt.plus(Duration.ofHours(72))));

        now(decidedAt.plus(Duration.ofHours(48)));
        execute(timer(child, TIMER_HHS_NOTIFICATION_OVERDUE));
        verify(custodyEvents).clockBreached(OTHER_CASE, LegalClock.HHS_NOTIFICATION, decidedAt.plus(Duration.ofHours(48)));
        complete(task(TASK_NOTIFY_HHS_OF_CHILD, child), withVariables("hhsReferralId", "UC-SEP-1"));
        assertThat(atWork(child)).isWaitingAt(TASK_DESIGNATE_ORR_PLACEMENT);
        now(decidedAt.plus(Duration.ofHours(72)));
        execute(timer(child, TIMER_ORR_TRANSFER_OVERDUE));
        verify(custodyEvents).clockBreached(OTHER_CASE, LegalClock.ORR_TRANSFER, decidedAt.plus(Duration.ofHours(72)));
    }

    @Test
    void familyInIceFamilyCustodyGetsTheFloresClockAndIsReleasedTogether() {
        ProcessInstance[] family = familyInIceFamilyCustody();
        ProcessInstance parent = family[0];
        ProcessInstance child = family[1];
        Instant floresDeadline = clock.instant().plus(Duration.ofDays(20));
        assertThat(parent).isWaitingAt(TASK_DECIDE_FAMILY_CUSTODY_OUTCOME);
        assertThat(task(parent)).hasCandidateGroup("ice-ero-officer").hasDueDate(Date.from(floresDeadline));
        assertThat(child).isWaitingAt(EVENT_ICE_FAMILY_CUSTODY_ENDED);

        now(floresDeadline);
        execute(timer(child, TIMER_FLORES_LIMIT_REACHED));
        verify(custodyEvents).clockBreached(OTHER_CASE, LegalClock.FLORES_FAMILY_CUSTODY, floresDeadline);
        assertThat(child).hasPassed(TASK_ESCALATE_FLORES_LIMIT, "EndEvent_FloresLimitFollowedUp");
        ProcessInstance followUp = followUpOf(OTHER_CASE, LegalClock.FLORES_FAMILY_CUSTODY);
        assertThat(task(followUp)).hasCandidateGroup("ice-ero-officer").hasDueDate(Date.from(floresDeadline));
        complete(task(TASK_FOLLOW_UP_FLORES_LIMIT, followUp),
                withVariables("overdueCause", "OTHER", "overdueCauseDetails", "court date pending",
                        "overdueAction", "release requested"));
        assertThat(followUp).hasPassed(END_BREACH_EXPLAINED).isEnded();

        when(custodyOutcomes.releaseFromIceFamilyCustody(eq(CASE), eq("sponsor found"), any()))
                .thenReturn(released(List.of(CASE, OTHER_CASE)));
        Map<String, Object> decision = new java.util.HashMap<>(addressAnswers());
        decision.putAll(withVariables("iceFamilyOutcome", "RELEASE", "iceFamilyOutcomeReason", "sponsor found"));
        complete(task(TASK_DECIDE_FAMILY_CUSTODY_OUTCOME, parent), decision);
        verify(custodyOutcomes).recordAddress(eq(CASE), eq(ADDRESS), any());

        for (ProcessInstance member : family) {
            assertThat(member).hasPassed(END_RELEASED_TO_FOLLOW_UP).isEnded();
            assertThat(releaseFollowUpOf(member)).isWaitingAt(GATEWAY_CHECK_IN_OR_DEADLINE).variables()
                    .containsKey("checkInDueBy");
        }
        assertThat(parent).hasPassed("EndEvent_IceFamilyCustodyEnded");
        assertThat(child).hasPassed("EndEvent_LeftIceCustodyWithFamily");
    }

    @Test
    void anAddressGivenByManyForAFamilyLeavingIceFamilyCustodyGoesToTheSupervisorWhoMayAskForAnother() {
        ProcessInstance[] family = familyInIceFamilyCustody();
        ProcessInstance parent = family[0];
        when(custodyOutcomes.recordAddress(any(), any(), any())).thenReturn(true);
        Map<String, Object> decision = new java.util.HashMap<>(addressAnswers());
        decision.putAll(withVariables("iceFamilyOutcome", "RELEASE", "iceFamilyOutcomeReason", "sponsor found"));

        complete(task(TASK_DECIDE_FAMILY_CUSTODY_OUTCOME, parent), decision);
        assertThat(parent).isWaitingAt("Task_ReviewIceRecurringAddress").variables()
                .doesNotContainKeys("addressReleaseCount", "addressStreet");
        assertThat(task(parent)).hasCandidateGroup("border-patrol-supervisor");
        org.mockito.Mockito.verify(custodyOutcomes, org.mockito.Mockito.never())
                .releaseFromIceFamilyCustody(any(), any(), any());
        complete(task(parent), withVariables("recurringAddressAccepted", "false", "recurringAddressNotes", "stash house"));
        assertThat(parent).isWaitingAt(TASK_DECIDE_FAMILY_CUSTODY_OUTCOME);

        when(custodyOutcomes.releaseFromIceFamilyCustody(eq(CASE), eq("sponsor found"), any()))
                .thenReturn(released(List.of(CASE, OTHER_CASE)));
        complete(task(TASK_DECIDE_FAMILY_CUSTODY_OUTCOME, parent), decision);
        complete(task(parent), withVariables("recurringAddressAccepted", "true", "recurringAddressNotes", "shelter"));

        verify(custodyOutcomes).releaseFromIceFamilyCustody(eq(CASE), eq("sponsor found"), any());
        for (ProcessInstance member : family) {
            assertThat(member).hasPassed(END_RELEASED_TO_FOLLOW_UP).isEnded();
            assertThat(releaseFollowUpOf(member)).isWaitingAt(GATEWAY_CHECK_IN_OR_DEADLINE).variables()
                    .containsKey("checkInDueBy");
        }
    }

    @Test
    void familyRemovedFromIceFamilyCustodyEndsRemoved() {
        ProcessInstance[] family = familyInIceFamilyCustody();
        when(custodyOutcomes.removeFromIceFamilyCustody(eq(CASE), eq("final order"), any()))
                .thenReturn(List.of(CASE, OTHER_CASE));

        complete(task(TASK_DECIDE_FAMILY_CUSTODY_OUTCOME, family[0]),
                withVariables("iceFamilyOutcome", "REMOVAL", "iceFamilyOutcomeReason", "final order"));

        for (ProcessInstance member : family) {
            assertThat(member).hasPassed(END_CASE_CLOSED_AFTER_ICE_CUSTODY).isEnded();
        }
    }


    @Test
    void aFailingIceNotificationIsRetriedThenBecomesAnIncidentAndAResetRetryResumesIt() {
        ProcessInstance custody = adultAwaitingApproval("NTA_OR");
        complete(task(custody), withVariables("approveProposal", true));
        recordAddress(custody);
        when(custodyOutcomes.release(eq(CASE), eq("NTA_I862"), eq("A-123"), any(), any(), any()))
                .thenReturn(released(List.of(CASE)));
        complete(task(TASK_ISSUE_RELEASE_DOCUMENTS, custody),
                withVariables("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-123"));
        org.mockito.Mockito.doThrow(new IllegalStateException("ICE system unavailable"))
                .when(custodyOutcomes).notifyIceOfRelease(CASE);
        ProcessInstance followUp = releaseFollowUpOf(custody);
        Job notification = jobQuery().processInstanceId(followUp.getId()).activityId(TASK_NOTIFY_ICE_OF_RELEASE)
                .singleResult();

        for (int attempt = 1; attempt <= 3; attempt++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(notification))
                    .hasMessageContaining("ICE system unavailable");
            Job retried = jobQuery().jobId(notification.getId()).singleResult();
            org.assertj.core.api.Assertions.assertThat(retried.getRetries()).isEqualTo(3 - attempt);
            now(clock.instant().plus(Duration.ofMinutes(5)));
        }
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(followUp.getId()).singleResult().getIncidentMessage()).contains("ICE system unavailable");
        assertThat(followUp).isWaitingAt(GATEWAY_CHECK_IN_OR_DEADLINE, TASK_NOTIFY_ICE_OF_RELEASE);

        org.mockito.Mockito.doNothing().when(custodyOutcomes).notifyIceOfRelease(CASE);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService()
                .setJobRetries(notification.getId(), 1);
        execute(jobQuery().jobId(notification.getId()).singleResult());

        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();
        assertThat(followUp).hasPassed(END_ICE_NOTIFIED).isWaitingAt(GATEWAY_CHECK_IN_OR_DEADLINE);
    }

    // ---------------------------------------------------------------- helpers

    static final IntendedAddress ADDRESS = new IntendedAddress("1208 Maple Ave", "4B",
            IntendedAddress.BuildingType.MULTI_UNIT, "Houston", "TX", "77002", "713-555-0199");

    private ProcessInstance adultAwaitingApproval(String pathway) {
        given(CASE, adult());
        ProcessInstance custody = start(CASE, "GT", APPREHENDED_AT);
        complete(task(custody), intake(pathway, "CLEAR", "NO_CONCERNS", false));
        assertThat(custody).isWaitingAt(TASK_APPROVE_CUSTODY_OUTCOME);
        return custody;
    }

    private ProcessInstance releasedAdult() {
        ProcessInstance custody = adultAwaitingApproval("NTA_OR");
        complete(task(custody), withVariables("approveProposal", true));
        recordAddress(custody);
        releaseTo(custody, List.of(CASE));
        return releaseFollowUpOf(custody);
    }

    /** The release follow-up the custody process handed the released person to, as it ended. */
    private ProcessInstance releaseFollowUpOf(ProcessInstance custody) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(custody.getBusinessKey()).singleResult();
    }

    /** A parent (the family's lead) and a child, both through intake and placement. */
    private ProcessInstance[] familyAwaitingApproval(String recordsCheck) {
        FamilyFacts parentFacts = new FamilyFacts(34, "NONE", true, true, List.of(CASE, OTHER_CASE), true, 6,
                false, recordsCheck, CASE);
        FamilyFacts childFacts = new FamilyFacts(6, "PARENT", false, true, List.of(CASE, OTHER_CASE), true, 6,
                false, recordsCheck, CASE);
        given(CASE, parentFacts);
        given(OTHER_CASE, childFacts);
        ProcessInstance parent = start(CASE, "GT", APPREHENDED_AT);
        ProcessInstance child = start(OTHER_CASE, "GT", APPREHENDED_AT);
        complete(task(TASK_RECORD_INTAKE, parent), intake("NTA", recordsCheck, "NO_CONCERNS", true));
        complete(task(TASK_RECORD_INTAKE, child), intake("NTA", "CLEAR", "NO_CONCERNS", true));
        assertThat(parent).isWaitingAt(TASK_APPROVE_CUSTODY_OUTCOME);
        return new ProcessInstance[] {parent, child};
    }

    private ProcessInstance[] familyInIceFamilyCustody() {
        ProcessInstance[] family = familyAwaitingApproval("PUBLIC_SAFETY_OR_NATIONAL_SECURITY");
        ProcessInstance parent = family[0];
        Assertions.assertThat(placements).containsEntry(CASE, "ICE_FAMILY_RESIDENTIAL_CENTER");
        Assertions.assertThat(proposals.get(CASE).outcome()).isEqualTo("TRANSFER_TO_ICE_DETENTION");
        complete(task(parent), withVariables("approveProposal", true));
        complete(task(parent), withVariables("iceFacility", "DILLEY", "transferRecord", "family of two"));
        when(custodyOutcomes.transferToIce(eq(CASE), eq("DILLEY"), eq("F-12"), any())).thenReturn(
                new CustodyOutcomes.BookedIn(clock.instant(), clock.instant().plus(Duration.ofDays(20)),
                        List.of(CASE, OTHER_CASE)));
        complete(task(parent), withVariables("iceBookInNumber", "F-12"));
        ProcessInstance[] inIceFamilyCustody = new ProcessInstance[family.length];
        for (int i = 0; i < family.length; i++) {
            assertThat(family[i]).hasPassed(END_TRANSFERRED_TO_ICE_FAMILY_CUSTODY).isEnded();
            inIceFamilyCustody[i] = runtimeService().createProcessInstanceQuery()
                    .processDefinitionKey(IceFamilyCustodyProcess.KEY)
                    .processInstanceBusinessKey(family[i].getBusinessKey()).singleResult();
            assertThat(inIceFamilyCustody[i]).hasPassed(START_FAMILY_BOOKED_IN).variables().containsKey("floresDeadline");
        }
        return inIceFamilyCustody;
    }

    private void recordAddress(ProcessInstance custody) {
        complete(task(TASK_RECORD_INTENDED_ADDRESS, custody), addressAnswers());
    }

    private static Map<String, Object> addressAnswers() {
        return withVariables("addressStreet", ADDRESS.street(), "addressUnit", ADDRESS.unit(),
                "addressBuildingType", "MULTI_UNIT", "addressCity", ADDRESS.city(), "addressState", ADDRESS.state(),
                "addressZip", ADDRESS.zip(), "contactPhone", ADDRESS.contactPhone());
    }

    private void releaseTo(ProcessInstance custody, List<String> family) {
        when(custodyOutcomes.release(eq(CASE), eq("NTA_I862"), eq("A-123"), any(), any(), any()))
                .thenReturn(released(family));
        complete(task(TASK_ISSUE_RELEASE_DOCUMENTS, custody),
                withVariables("releaseDocuments", "NTA_I862", "releaseDocumentNumber", "A-123"));
        execute(jobQuery().processInstanceId(releaseFollowUpOf(custody).getId()).activityId(TASK_NOTIFY_ICE_OF_RELEASE)
                .singleResult());
        verify(custodyOutcomes).notifyIceOfRelease(CASE);
    }

    private CustodyOutcomes.Released released(List<String> family) {
        return new CustodyOutcomes.Released(clock.instant(), clock.instant().plus(Duration.ofDays(60)), ADDRESS, family);
    }

    private void followUpEnded(String caseNumber, boolean stillToLocate) {
        runtimeService().createMessageCorrelation(ReleaseFollowUpProcess.Messages.FAMILY_FOLLOW_UP_ENDED)
                .processInstanceBusinessKey(caseNumber)
                .setVariable("childStillToLocate", stillToLocate)
                .correlate();
    }

    /** A parent and child released together, sixty days on without a check-in: the child covered by the parent's. */
    private ProcessInstance[] familyThatMissedTheCheckIn() {
        ProcessInstance[] family = releasedFamily();
        when(checkIns.recordMissed(OTHER_CASE)).thenReturn(true);
        now(clock.instant().plus(Duration.ofDays(60)));
        execute(timer(family[0], TIMER_CHECK_IN_DEADLINE_PASSED));
        execute(timer(family[1], TIMER_CHECK_IN_DEADLINE_PASSED));
        return family;
    }

    private ProcessInstance[] releasedFamily() {
        ProcessInstance[] family = familyAwaitingApproval("CLEAR");
        complete(task(family[0]), withVariables("approveProposal", true));
        recordAddress(family[0]);
        releaseTo(family[0], List.of(CASE, OTHER_CASE));
        ProcessInstance[] followUps = {releaseFollowUpOf(family[0]), releaseFollowUpOf(family[1])};
        jobQuery().processInstanceId(followUps[1].getId()).activityId(TASK_NOTIFY_ICE_OF_RELEASE).list()
                .forEach(job -> execute(job));
        return followUps;
    }

    private void reEncounter() {
        runtimeService().createMessageCorrelation(ReleaseFollowUpProcess.Messages.PERSON_RE_ENCOUNTERED)
                .processInstanceBusinessKey(CASE)
                .correlate();
    }

    private void reportCheckIn() {
        runtimeService().createMessageCorrelation(ReleaseFollowUpProcess.Messages.CHECK_IN_REPORTED)
                .processInstanceBusinessKey(CASE)
                .setVariables(Map.of("checkInReportedAt", Date.from(clock.instant()), "checkInOffice", "Houston ERO",
                        "checkInRecordedBy", "ice-officer"))
                .correlate();
    }

    private ProcessInstance start(String caseNumber, String country, Instant apprehendedAt) {
        var custodyCase = new CustodyCase(caseNumber, "SDC2611250001", "p1", "Lopez", "Ana", null, false, "F",
                country, apprehendedAt, ZoneOffset.ofHours(-8), Classification.UNDETERMINED, null,
                CaseStatus.IN_CBP_CUSTODY, clocks.custodyDeadline(apprehendedAt), null, null, null, null,
                java.util.UUID.randomUUID(), "SDC", "CHU");
        started.put(caseNumber, custodyCase);
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
        return new FamilyFacts(age, companion, caresForChild, verified, List.of(CASE), true, null, false, "CLEAR", CASE);
    }

    private static FamilyFacts family(int age, String companion, boolean caresForChild, boolean intakeComplete) {
        return new FamilyFacts(age, companion, caresForChild, true, List.of(CASE, OTHER_CASE), intakeComplete, 6,
                false, "CLEAR", CASE);
    }

    private static Map<String, Object> intake(String recordsCheck, String medical, boolean verified) {
        return intake("NTA_OR", recordsCheck, medical, verified);
    }

    private static Map<String, Object> intake(String pathway, String recordsCheck, String medical, boolean verified) {
        return withVariables("biometricsStatus", "CAPTURED", "recordsCheckResult", recordsCheck,
                "medicalScreening", medical, "familyRelationshipVerified", verified, "processingPathway", pathway,
                "flightRisk", "LOW");
    }

    private static void now(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** The one breach follow-up of the case and clock. */
    private static ProcessInstance followUpOf(String caseNumber, LegalClock clock) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(BreachFollowUpProcess.KEY)
                .processInstanceBusinessKey(caseNumber).variableValueEquals("breachedClock", clock.name())
                .singleResult();
    }

    private static Job timer(ProcessInstance custody, String activityId) {
        return jobQuery().processInstanceId(atWork(custody).getId()).activityId(activityId).list().stream()
                .findFirst().orElseGet(() -> jobQuery().processInstanceId(custody.getId()).activityId(activityId)
                        .singleResult());
    }

    /** The ORR transfer the custody process waits for, or the custody process itself when it waits for none. */
    private static ProcessInstance atWork(ProcessInstance custody) {
        ProcessInstance orrTransfer = runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(custody.getId()).singleResult();
        return orrTransfer == null ? custody : orrTransfer;
    }

    /** The task of the case's process at work: the ORR transfer's while the custody process waits for it. */
    private static Task task(ProcessInstance custody) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(atWork(custody));
    }

    private static Task task(String taskDefinitionKey, ProcessInstance custody) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(taskDefinitionKey, atWork(custody));
    }

    private static List<Job> dueTimers(ProcessInstance custody) {
        return jobQuery().processInstanceId(custody.getId()).timers().executable().list();
    }
}
