package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.bordercustody.custody.CustodyProcess;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.custody.ReleaseFollowUpProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every hand-off on every path writes its event: for each event type, each way a change can come (a Tasklist form, the
 * case API, a partner system's call, a timer, a message between the cases of a family or a person), the case gets
 * exactly one event of the type in the partner feed, with its key data, and the timeline entry it was written from
 * (the same type of entry, the same words and time, the actor of the path); the operations meter of the type (if it
 * has one) counts each of the row's events once. A Tasklist form is completed as Tasklist
 * completes it (submit-form, as the user of the task's group); a timer fires when the engine clock passes it and the
 * case's due job runs.
 * The second test checks that the table is complete: every event type, every timeline entry partners learn of, every
 * legal clock, every case API call that changes a case and every message of the process has its row.
 */
@CustodyApplicationTest
class EveryEventOnEveryPathTest {

    enum Way { TASKLIST_FORM, CASE_API, PARTNER_API, TIMER, MESSAGE }

    /**
     * One cell: the event, the way it comes, what is done (an API row names its endpoint, a timer row its clock, a
     * message row its message), the timeline entry it is written from, and the journey that does it.
     */
    record Row(String event, Way way, String how, String entry, Drive drive) {

        @Override
        public String toString() {
            return event + " | " + way + " | " + how;
        }
    }

    /** Drives a new case (of the event number given) down the path; says which case and what the event must carry. */
    @FunctionalInterface
    interface Drive {
        Expected on(EveryEventOnEveryPathTest paths, String eventNumber);
    }

    /**
     * The case, who the timeline says did it, and the event's key data (JSON pointer into the event, its value). A
     * {@code /data/clock} or {@code /data/undone} picks the event among others of its type that the case has for
     * another clock or the link itself.
     */
    record Expected(String caseNumber, String actor, Map<String, String> data) {
    }

    static final List<String> PICKERS = List.of("/data/clock", "/data/undone");

    static final List<Row> TABLE = List.of(
            row("apprehended", Way.CASE_API, "POST /api/apprehensions as agent", "APPREHENDED",
                    (p, e) -> p.apprehendedAdult(e)),
            row("family-status-determined", Way.TASKLIST_FORM, "Task_RecordIntake as agent", "FAMILY_STATUS_DECIDED",
                    (p, e) -> p.singleAdultAfterIntake(e)),
            row("family-status-determined", Way.TASKLIST_FORM, "Task_EstablishFamilyStatus as agent",
                    "FAMILY_STATUS_DECIDED", (p, e) -> p.familyStatusEstablished(e)),
            row("family-status-determined", Way.MESSAGE, "familyIntakeCompleted: the children's intake decides the"
                    + " mother's case", "FAMILY_STATUS_DECIDED",
                    (p, e) -> p.decidedWithTheFamily(ApprehensionFixtures.family(e), 3, "FAMILY_UNIT_MEMBER")),
            row("uac-referral", Way.TASKLIST_FORM, "Task_RecordIntake of the child as agent", "PLACEMENT_DECIDED",
                    (p, e) -> p.childFoundUnaccompanied(e)),
            row("uac-referral", Way.TASKLIST_FORM, "Task_EstablishFamilyStatus of the child as agent",
                    "PLACEMENT_DECIDED", (p, e) -> p.childFoundUnaccompaniedOnceHerAgeIsKnown(e)),
            row("uac-referral", Way.MESSAGE, "familyIntakeCompleted: the baby's intake decides the waiting teenage"
                    + " mother", "PLACEMENT_DECIDED",
                    (p, e) -> p.decidedWithTheFamily(ApprehensionFixtures.teenMotherWithBaby(e), 2,
                            "UNACCOMPANIED_CHILD")),
            row("uac-referral", Way.TASKLIST_FORM, "Task_ApproveCustodyOutcome separating the child as supervisor",
                    "PLACEMENT_DECIDED", (p, e) -> p.separated(e, "-02", "/data/classification",
                            "UNACCOMPANIED_CHILD")),
            row("family-separated", Way.TASKLIST_FORM, "Task_ApproveCustodyOutcome separating the child as"
                    + " supervisor: the child's case", "FAMILY_SEPARATED", (p, e) -> p.separated(e, "-02",
                            "/data/reason", "CRIMINAL_HISTORY_OR_WARRANT")),
            row("family-separated", Way.TASKLIST_FORM, "Task_ApproveCustodyOutcome separating the child as"
                    + " supervisor: the father's case", "FAMILY_SEPARATED", (p, e) -> p.separated(e, "-01",
                            "/data/reason", "CRIMINAL_HISTORY_OR_WARRANT")),
            row("family-reunified", Way.CASE_API, "POST /api/cases/{caseNumber}/family/reunification as orr-liaison",
                    "FAMILY_REUNIFIED", (p, e) -> p.reunified(e, "orr-liaison")),
            row("family-reunified", Way.PARTNER_API, "POST /api/cases/{caseNumber}/family/reunification as"
                    + " orr-system", "FAMILY_REUNIFIED", (p, e) -> p.reunified(e, "orr-system")),
            row("orr-placement-designated", Way.TASKLIST_FORM, "Task_DesignateOrrPlacement as orr-liaison",
                    "ORR_PLACEMENT_DESIGNATED", (p, e) -> p.placedInTasklist(e)),
            row("orr-placement-designated", Way.PARTNER_API, "POST /api/cases/{caseNumber}/orr-placement as"
                    + " orr-system, correlating orrPlacementDesignated", "ORR_PLACEMENT_DESIGNATED",
                    (p, e) -> p.placedThroughTheApi(e, "orr-system")),
            row("orr-placement-designated", Way.CASE_API, "POST /api/cases/{caseNumber}/orr-placement as orr-liaison",
                    "ORR_PLACEMENT_DESIGNATED", (p, e) -> p.placedThroughTheApi(e, "orr-liaison")),
            row("transferred-to-orr", Way.TASKLIST_FORM, "Task_ConfirmTransferToOrr as orr-liaison",
                    "TRANSFERRED_TO_ORR", (p, e) -> p.transferredToOrr(e)),
            row("custody-limit-breached", Way.TIMER, "Timer_CustodyLimitReached: CBP_HOLDING_LIMIT", "CLOCK_BREACHED",
                    (p, e) -> p.breached(p.journeys.adultAfterIntake(e), Duration.ofHours(73), "CBP_HOLDING_LIMIT")),
            row("custody-limit-breached", Way.TIMER, "Timer_HhsNotificationOverdue: HHS_NOTIFICATION",
                    "CLOCK_BREACHED", (p, e) -> p.breached(p.childAwaitingHhsNotification(e), Duration.ofHours(49),
                            "HHS_NOTIFICATION")),
            row("custody-limit-breached", Way.TIMER, "Timer_ScreeningOverdue: CONTIGUOUS_COUNTRY_SCREENING",
                    "CLOCK_BREACHED", (p, e) -> p.breached(p.childFromMexicoAwaitingScreening(e),
                            Duration.ofHours(49), "CONTIGUOUS_COUNTRY_SCREENING")),
            row("custody-limit-breached", Way.TIMER, "Timer_OrrTransferOverdue: ORR_TRANSFER", "CLOCK_BREACHED",
                    (p, e) -> p.breached(p.journeys.childAwaitingPlacement(e), Duration.ofHours(73), "ORR_TRANSFER")),
            row("custody-limit-breached", Way.TIMER, "Timer_FloresLimitReached: FLORES_FAMILY_CUSTODY",
                    "CLOCK_BREACHED", (p, e) -> p.breached(p.journeys.familyInIceFamilyCustody(e) + "-01",
                            Duration.ofDays(21), "FLORES_FAMILY_CUSTODY")),
            row("released", Way.TASKLIST_FORM, "Task_IssueReleaseDocuments as agent", "RELEASED",
                    (p, e) -> p.released(p.journeys.releasedAdult(e), "agent", "Dallas")),
            row("released", Way.MESSAGE, "familyOutcomeCarriedOut: a child released with the mother", "RELEASED",
                    (p, e) -> p.released(p.journeys.releasedFamily(e).get(1), "agent", "Houston")),
            row("released", Way.TASKLIST_FORM, "Task_DecideFamilyCustodyOutcome releasing as ice-officer", "RELEASED",
                    (p, e) -> p.released(p.releasedFromFamilyCustody(e) + "-01", "ice-officer", "Houston")),
            row("released", Way.MESSAGE, "iceFamilyCustodyEnded: a child released from family custody with the"
                    + " mother", "RELEASED", (p, e) -> p.released(p.releasedFromFamilyCustody(e) + "-02",
                            "ice-officer", "Houston")),
            row("transferred-to-ice", Way.TASKLIST_FORM, "Task_AcceptIceTransfer as ice-officer", "TRANSFERRED_TO_ICE",
                    (p, e) -> p.acceptedByIce(e)),
            row("transferred-to-ice", Way.PARTNER_API, "POST /api/cases/{caseNumber}/ice-book-in as ice-system",
                    "TRANSFERRED_TO_ICE", (p, e) -> p.bookedIn(e, "ice-system")),
            row("transferred-to-ice", Way.CASE_API, "POST /api/cases/{caseNumber}/ice-book-in as ice-officer",
                    "TRANSFERRED_TO_ICE", (p, e) -> p.bookedIn(e, "ice-officer")),
            row("transferred-to-ice", Way.MESSAGE, "familyOutcomeCarriedOut: a child booked into family custody with"
                    + " the mother", "TRANSFERRED_TO_ICE", (p, e) -> p.inFamilyCustody(e)),
            row("check-in-recorded", Way.PARTNER_API, "POST /api/cases/{caseNumber}/check-ins as ice-system,"
                    + " correlating checkInReported", "CHECKED_IN", (p, e) -> p.checkedIn(p.journeys.releasedAdult(e),
                            "ice-system")),
            row("check-in-recorded", Way.CASE_API, "POST /api/cases/{caseNumber}/check-ins as ice-officer",
                    "CHECKED_IN", (p, e) -> p.checkedIn(p.journeys.releasedAdult(e), "ice-officer")),
            row("check-in-recorded", Way.PARTNER_API, "POST /api/cases/{caseNumber}/check-ins as ice-system after the"
                    + " deadline, while ICE locates the person", "CHECKED_IN", (p, e) -> p.checkedInLate(e)),
            row("check-in-recorded", Way.MESSAGE, "checkInReported: a child reporting with the mother", "CHECKED_IN",
                    (p, e) -> p.childCheckedInWithTheMother(e)),
            row("check-in-recorded", Way.MESSAGE, "checkInReported: a child followed up with the mother reporting"
                    + " late with her", "CHECKED_IN", (p, e) -> p.childCheckedInLateWithTheMother(e)),
            row("check-in-missed", Way.TIMER, "Timer_CheckInDeadlinePassed: CHECK_IN", "CLOCK_BREACHED",
                    (p, e) -> p.breached(p.journeys.releasedAdult(e), Duration.ofDays(61), "CHECK_IN")),
            row("removed", Way.TASKLIST_FORM, "Task_RecordRemoval as agent", "REMOVED",
                    (p, e) -> p.removed(p.journeys.adultAfterIntake(e))),
            row("removed", Way.MESSAGE, "familyOutcomeCarriedOut: a child removed with the mother", "REMOVED",
                    (p, e) -> p.removedWithTheMother(e)),
            row("removed", Way.TASKLIST_FORM, "Task_ScreenContiguousCountryChild permitting the return as agent",
                    "RETURNED", (p, e) -> p.returned(e)),
            row("removed", Way.TASKLIST_FORM, "Task_DecideFamilyCustodyOutcome removing as ice-officer", "REMOVED",
                    (p, e) -> p.removedFromFamilyCustody(e, "-01")),
            row("removed", Way.MESSAGE, "iceFamilyCustodyEnded: a child removed with the mother", "REMOVED",
                    (p, e) -> p.removedFromFamilyCustody(e, "-02")),
            row("identifiers-recorded", Way.TASKLIST_FORM, "Task_RecordIntake with an A-number as agent",
                    "IDENTIFIERS_RECORDED", (p, e) -> p.identifiersRecorded(e)),
            row("encounter-linked", Way.TASKLIST_FORM, "Task_RecordIntake answering the same person as agent",
                    "PERSON_LINKED", (p, e) -> p.confirmedSamePerson(e, "Quintero Salas", "Ximena").linked()),
            row("encounter-linked", Way.TASKLIST_FORM, "Task_RecordIntake with a known person's FIN as agent",
                    "PERSON_LINKED", (p, e) -> p.identifiedAtIntake(e).linked()),
            row("encounter-linked", Way.CASE_API, "POST /api/apprehensions with a known person's FIN as agent",
                    "PERSON_LINKED", (p, e) -> p.apprehendedAgain(e, false).linked()),
            row("encounter-linked", Way.CASE_API, "POST /api/cases/{caseNumber}/person-link/undo as supervisor",
                    "PERSON_LINK_UNDONE", (p, e) -> p.linkUndone(e)),
            row("re-encountered", Way.CASE_API, "POST /api/apprehensions with a released person's FIN, correlating"
                    + " personReEncountered", "RE_ENCOUNTERED", (p, e) -> p.apprehendedAgain(e, false).reEncountered()),
            row("re-encountered", Way.CASE_API, "POST /api/apprehensions with the FIN of a person ICE locates after a"
                    + " missed check-in, correlating personReEncountered", "RE_ENCOUNTERED",
                    (p, e) -> p.apprehendedAgain(e, true).reEncountered()),
            row("re-encountered", Way.TASKLIST_FORM, "Task_RecordIntake with a released person's FIN as agent",
                    "RE_ENCOUNTERED", (p, e) -> p.identifiedAtIntake(e).reEncountered()),
            row("re-encountered", Way.TASKLIST_FORM, "Task_RecordIntake answering the same person as a released one"
                    + " as agent", "RE_ENCOUNTERED", (p, e) -> p.confirmedSamePerson(e, "Urquiza Leon", "Yolanda")
                            .reEncountered()));

    /** The operations meter that counts the events of a type (custody.breaches by the row's clock). */
    static final Map<String, List<String>> METERS = Map.of(
            "apprehended", List.of("custody.apprehended"),
            "released", List.of("custody.released"),
            "removed", List.of("custody.removed"),
            "transferred-to-ice", List.of("custody.transferred", "to", "ice"),
            "transferred-to-orr", List.of("custody.transferred", "to", "orr"),
            "custody-limit-breached", List.of("custody.breaches"),
            "check-in-missed", List.of("custody.breaches"));

    /** Case API calls that change a case but no event type stands for: what they change instead. */
    static final Map<String, String> CALLS_WITHOUT_EVENT = Map.of(
            "/api/cases/{caseNumber}/hhs-referral/acknowledgement", "meets the 48-hour HHS notification (the"
                    + " uac-referral event was the notification)",
            "/api/admin/process-migrations", "moves running cases to the deployed model",
            "/api/cases/{caseNumber}/custody-location", "a move between stations within CBP custody, no hand-off"
                    + " (MOVED on the timeline; the partner that takes the person over reads the station then)",
            "/api/simulator/{partner}/webhook", "the demo partner simulator's own receiver",
            "/api/simulator/orr/acknowledgements/{caseNumber}", "the demo simulator calling the acknowledgement above");

    /** Messages of the process that carry no hand-off: what they do instead. */
    static final Map<String, String> MESSAGES_WITHOUT_EVENT = Map.of(
            ReleaseFollowUpProcess.Messages.PERSON_RELEASED, "starts ICE's release follow-up of a person whose"
                    + " release the release event told already",
            ReleaseFollowUpProcess.Messages.FAMILY_FOLLOW_UP_ENDED, "ends a child's follow-up with the parent's"
                    + " (FOLLOWED_UP_WITH_PARENT, no partner event)");

    private static Row row(String event, Way way, String how, String entry, Drive drive) {
        return new Row(event, way, how, entry, drive);
    }

    static Stream<Object[]> table() {
        return IntStream.range(0, TABLE.size()).mapToObj(i -> new Object[] {TABLE.get(i), "EVP%04d".formatted(i + 1)});
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    Journeys journeys;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theHandOffWritesOneEventAndItsTimelineEntry(Row row, String eventNumber) {
        journeys = new Journeys(port).submittingForms();
        double countedBefore = counted(row);
        Expected expected = row.drive().on(this, eventNumber);

        List<JsonNode> ofTheRow = PartnerTests.allEvents(ApiClient.as(port, "manager")).stream()
                .filter(event -> event.get("subject").asText().startsWith(eventNumber))
                .filter(event -> event.get("type").asText().equals(PartnerEvents.TYPE_PREFIX + row.event()))
                .filter(event -> PICKERS.stream().filter(expected.data()::containsKey)
                        .allMatch(picker -> event.at(picker).asText().equals(expected.data().get(picker))))
                .toList();
        List<JsonNode> events = ofTheRow.stream()
                .filter(event -> event.get("subject").asText().equals(expected.caseNumber())).toList();
        assertThat(events).as("%s events of case %s %s", row.event(), expected.caseNumber(), expected.data())
                .hasSize(1);
        if (METERS.containsKey(row.event())) {
            assertThat(counted(row) - countedBefore).as("%s counted once for each such event of the row's cases",
                    METERS.get(row.event())).isEqualTo(ofTheRow.size());
        }
        JsonNode event = events.get(0);
        assertThat(event.at("/data/caseNumber").asText()).isEqualTo(expected.caseNumber());
        assertThat(event.at("/data/eventNumber").asText()).isEqualTo(eventOf(expected.caseNumber()));
        expected.data().forEach((pointer, value) -> assertThat(event.at(pointer).asText()).as(pointer)
                .isEqualTo(value));

        List<JsonNode> entries = timeline(expected.caseNumber()).stream()
                .filter(entry -> entry.get("type").asText().equals(row.entry()))
                .filter(entry -> entry.get("description").asText().equals(event.at("/data/summary").asText()))
                .toList();
        assertThat(entries).as("the %s entry of case %s saying \"%s\"", row.entry(), expected.caseNumber(),
                event.at("/data/summary").asText()).hasSize(1);
        assertThat(entries.get(0).get("actor").asText()).as("who").isEqualTo(expected.actor());
        assertThat(OffsetDateTime.parse(entries.get(0).get("at").asText()).toInstant())
                .as("the event's time is the entry's").isEqualTo(Instant.parse(event.get("time").asText()));
    }

    @Test
    void theTableHasARowForEveryEventTypeEveryHandOffEveryClockEveryCallAndEveryMessage() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (var files = Files.list(Path.of("docs", "events"))) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .forEach(name -> documented.add(name.replace(".schema.json", "")));
        }
        Set<String> events = TABLE.stream().map(Row::event).collect(Collectors.toCollection(TreeSet::new));
        assertThat(events).as("a row for every event type written and documented")
                .containsAll(PartnerEvents.TYPES).containsAll(documented);
        assertThat(PartnerEvents.TYPES).as("no row for a type that does not exist").containsAll(events);

        assertThat(TABLE.stream().map(Row::entry).collect(Collectors.toSet()))
                .as("a row for every timeline entry partners learn of, except the undone link's twin")
                .containsAll(PartnerEvents.HAND_OFFS);

        List<String> timers = TABLE.stream().filter(row -> row.way() == Way.TIMER).map(Row::how).toList();
        assertThat(Arrays.stream(LegalClock.values()).map(LegalClock::name))
                .as("a timer row for every legal clock")
                .allSatisfy(clock -> assertThat(timers).anyMatch(how -> how.endsWith(": " + clock)));

        List<String> calls = TABLE.stream().filter(row -> row.way() == Way.CASE_API || row.way() == Way.PARTNER_API)
                .map(Row::how).toList();
        List<String> changes = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(info -> info.getPathPatternsCondition().getPatternValues().stream())
                .filter(path -> path.startsWith("/api/")).toList();
        assertThat(changes).as("the case API's calls that change a case").isNotEmpty()
                .allSatisfy(path -> assertThat(CALLS_WITHOUT_EVENT.containsKey(path)
                        || calls.stream().anyMatch(how -> how.startsWith("POST " + path + " ")))
                        .as("a row for POST " + path).isTrue());

        List<String> hows = TABLE.stream().map(Row::how).toList();
        Stream.concat(Arrays.stream(CustodyProcess.Messages.class.getFields()),
                        Arrays.stream(ReleaseFollowUpProcess.Messages.class.getFields()))
                .map(EveryEventOnEveryPathTest::valueOf)
                .filter(message -> !MESSAGES_WITHOUT_EVENT.containsKey(message))
                .forEach(message -> assertThat(hows).as("a row for message " + message)
                        .anyMatch(how -> how.contains(message)));
    }

    // The journeys of the table, each to the step that causes the event and through it.

    Expected apprehendedAdult(String eventNumber) {
        record(ApprehensionFixtures.singleAdult(eventNumber));
        return new Expected(eventNumber + "-01", "agent", Map.of("/data/person/familyName", "Ramirez"));
    }

    Expected singleAdultAfterIntake(String eventNumber) {
        return new Expected(journeys.adultAfterIntake(eventNumber), "system",
                Map.of("/data/classification", "SINGLE_ADULT"));
    }

    Expected familyStatusEstablished(String eventNumber) {
        record(ApprehensionFixtures.family(eventNumber));
        for (String member : List.of("-01", "-02", "-03")) {
            agent().completeIntake(eventNumber + member, false);
        }
        assertThat(timelineTypes(eventNumber + "-02")).as("undecided until the facts are established")
                .doesNotContain("FAMILY_STATUS_DECIDED");
        submit("agent", eventNumber + "-02", "Task_EstablishFamilyStatus",
                Map.of("familyRelationshipVerified", true, "familyFactsSource", "birth certificate"));
        return new Expected(eventNumber + "-02", "system", Map.of("/data/classification", "FAMILY_UNIT_MEMBER"));
    }

    Expected childFoundUnaccompaniedOnceHerAgeIsKnown(String eventNumber) {
        record(ApprehensionFixtures.childOfUnknownAgeWithAunt(eventNumber));
        agent().completeIntake(eventNumber + "-01", false);
        agent().completeIntake(eventNumber + "-02", false);
        assertThat(timelineTypes(eventNumber + "-02")).as("undecided without a date of birth")
                .doesNotContain("PLACEMENT_DECIDED");
        submit("agent", eventNumber + "-02", "Task_EstablishFamilyStatus", Map.of("dateOfBirth", "2017-02-02",
                "dateOfBirthEstimated", true, "familyFactsSource", "dental examination"));
        return new Expected(eventNumber + "-02", "system", Map.of("/data/classification", "UNACCOMPANIED_CHILD"));
    }

    /** The first member's intake waits for the rest of the family's: the last one's intake decides the first too. */
    Expected decidedWithTheFamily(String apprehension, int members, String classification) {
        record(apprehension);
        String eventNumber = apprehension.replaceAll("(?s).*\"eventNumber\": \"([^\"]+)\".*", "$1");
        agent().completeIntake(eventNumber + "-01", true);
        assertThat(timelineTypes(eventNumber + "-01")).as("waits for the family's intake")
                .doesNotContain("FAMILY_STATUS_DECIDED");
        for (int member = 2; member <= members; member++) {
            agent().completeIntake(eventNumber + "-0" + member, true);
        }
        return new Expected(eventNumber + "-01", "system", Map.of("/data/classification", classification));
    }

    Expected childFoundUnaccompanied(String eventNumber) {
        record(ApprehensionFixtures.childWithAunt(eventNumber));
        agent().completeIntake(eventNumber + "-01", false);
        agent().completeIntake(eventNumber + "-02", false);
        return new Expected(eventNumber + "-02", "system", Map.of("/data/classification", "UNACCOMPANIED_CHILD"));
    }

    Expected separated(String eventNumber, String member, String pointer, String value) {
        journeys.separatedChild(eventNumber);
        return new Expected(eventNumber + member, "supervisor", Map.of(pointer, value));
    }

    Expected reunified(String eventNumber, String user) {
        String child = journeys.separatedChild(eventNumber);
        post(user, "/api/cases/" + child + "/family/reunification", "{ \"parentCaseNumber\": \"" + eventNumber
                + "-01\", \"note\": \"charges dropped\" }", 201);
        return new Expected(child, user, Map.of("/data/reunifiedWith/caseNumber", eventNumber + "-01"));
    }

    Expected placedInTasklist(String eventNumber) {
        String child = journeys.childAwaitingPlacement(eventNumber);
        submit("orr-liaison", child, "Task_DesignateOrrPlacement",
                Map.of("orrFacility", "ORR-SH-TX-01", "orrPlacementType", "SHELTER"));
        return placed(child, "orr-liaison");
    }

    Expected placedThroughTheApi(String eventNumber, String user) {
        String child = journeys.childAwaitingPlacement(eventNumber);
        post(user, "/api/cases/" + child + "/orr-placement",
                "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\" }", 202);
        return placed(child, user);
    }

    private static Expected placed(String child, String user) {
        return new Expected(child, user, Map.of("/data/summary",
                "ORR designated a placement (Shelter) at ORR shelter care provider (Brownsville) (ORR-SH-TX-01)"));
    }

    Expected transferredToOrr(String eventNumber) {
        String child = placedInTasklist(eventNumber).caseNumber();
        submit("orr-liaison", child, "Task_ConfirmTransferToOrr", Map.of("orrReceivedBy", "M. Ortiz"));
        return new Expected(child, "system", Map.of("/data/summary", "Transferred to HHS ORR care at ORR shelter care"
                + " provider (Brownsville) (ORR-SH-TX-01); CBP custody ended"));
    }

    String childAwaitingHhsNotification(String eventNumber) {
        record(ApprehensionFixtures.childWithAunt(eventNumber));
        agent().completeIntake(eventNumber + "-01", false);
        agent().completeIntake(eventNumber + "-02", false);
        return eventNumber + "-02";
    }

    String childFromMexicoAwaitingScreening(String eventNumber) {
        record(ApprehensionFixtures.childFromMexicoAlone(eventNumber));
        agent().completeIntake(eventNumber + "-01", false);
        submit("agent", eventNumber + "-01", "Task_NotifyHhsOfChild", Map.of("hhsReferralId", "UC-" + eventNumber));
        return eventNumber + "-01";
    }

    /** The engine clock passes the case's deadline and the case's due jobs run, as the job executor would run them. */
    Expected breached(String caseNumber, Duration later, String clock) {
        passTime(later, caseNumber);
        return new Expected(caseNumber, "system", Map.of("/data/clock", clock));
    }

    Expected released(String caseNumber, String actor, String city) {
        return new Expected(caseNumber, actor, Map.of("/data/address/city", city));
    }

    String releasedFromFamilyCustody(String eventNumber) {
        journeys.familyInIceFamilyCustody(eventNumber);
        submit("ice-officer", eventNumber + "-01", "Task_DecideFamilyCustodyOutcome", Map.of("iceFamilyOutcome",
                "RELEASE", "iceFamilyOutcomeReason", "sponsor confirmed in Houston", "addressStreet",
                Journeys.streetOf(eventNumber), "addressBuildingType", "SINGLE_UNIT", "addressCity", "Houston",
                "addressState", "TX", "addressZip", "77002", "contactPhone", "+17135550100"));
        return eventNumber;
    }

    Expected acceptedByIce(String eventNumber) {
        String person = journeys.adultAwaitingIce(eventNumber);
        submit("ice-officer", person, "Task_AcceptIceTransfer", Map.of("iceBookInNumber", "B-" + eventNumber));
        return transferred(person, "ice-officer");
    }

    Expected bookedIn(String eventNumber, String user) {
        String person = journeys.adultAwaitingIce(eventNumber);
        post(user, "/api/cases/" + person + "/ice-book-in", "{ \"facility\": \"PISPC\", \"bookInNumber\": \"B-"
                + eventNumber + "\", \"familyCustody\": false }", 201);
        return transferred(person, user);
    }

    private static Expected transferred(String caseNumber, String actor) {
        return new Expected(caseNumber, actor, Map.of());
    }

    Expected inFamilyCustody(String eventNumber) {
        journeys.familyHandedOverToIce(eventNumber);
        submit("ice-officer", eventNumber + "-01", "Task_AcceptIceTransfer", Map.of("iceBookInNumber",
                "F-" + eventNumber));
        return transferred(eventNumber + "-02", "ice-officer");
    }

    Expected checkedIn(String caseNumber, String user) {
        post(user, "/api/cases/" + caseNumber + "/check-ins", "{ \"reportedAt\": \""
                + ClockUtil.getCurrentTime().toInstant() + "\", \"office\": \"Dallas ERO\" }", 201);
        return new Expected(caseNumber, user, Map.of());
    }

    Expected checkedInLate(String eventNumber) {
        String person = journeys.releasedAdult(eventNumber);
        passTime(Duration.ofDays(61), person);
        assertThat(timelineTypes(person)).as("the check-in was missed").contains("CLOCK_BREACHED");
        return checkedIn(person, "ice-system");
    }

    Expected childCheckedInWithTheMother(String eventNumber) {
        List<String> family = journeys.releasedFamily(eventNumber);
        checkedIn(family.get(0), "ice-system");
        return new Expected(family.get(1), "ice-system", Map.of());
    }

    /** The family misses the check-in: ICE looks for the mother, the children are followed up with her. */
    Expected childCheckedInLateWithTheMother(String eventNumber) {
        List<String> family = journeys.releasedFamily(eventNumber);
        passTime(Duration.ofDays(61), family.toArray(String[]::new));
        assertThat(timelineTypes(family.get(1))).as("followed up with the mother").contains("FOLLOWED_UP_WITH_PARENT");
        checkedIn(family.get(0), "ice-system");
        return new Expected(family.get(1), "ice-system", Map.of());
    }

    Expected removed(String caseNumber) {
        journeys.expeditedRemoval(caseNumber);
        return new Expected(caseNumber, "agent", Map.of("/data/summary", "Expedited removal through Hidalgo"));
    }

    Expected removedWithTheMother(String eventNumber) {
        journeys.expeditedRemoval(journeys.familyAfterIntake(eventNumber));
        return new Expected(eventNumber + "-02", "agent", Map.of());
    }

    Expected returned(String eventNumber) {
        String child = childFromMexicoAwaitingScreening(eventNumber);
        submit("agent", child, "Task_ScreenContiguousCountryChild", Map.of("screeningOutcome", "RETURN_PERMITTED",
                "screeningNotes", "no fear of return, mother waits in Tijuana"));
        return new Expected(child, "system", Map.of());
    }

    Expected removedFromFamilyCustody(String eventNumber, String member) {
        journeys.familyInIceFamilyCustody(eventNumber);
        submit("ice-officer", eventNumber + "-01", "Task_DecideFamilyCustodyOutcome", Map.of("iceFamilyOutcome",
                "REMOVAL", "iceFamilyOutcomeReason", "final order of removal"));
        return new Expected(eventNumber + member, "ice-officer",
                Map.of("/data/summary", "Removed from ICE family custody: final order of removal"));
    }

    Expected identifiersRecorded(String eventNumber) {
        String aNumber = "A2" + eventNumber.substring(3) + "0000";
        String person = journeys.adultAfterIntake(eventNumber, Map.of("aNumber", aNumber));
        return new Expected(person, "agent", Map.of("/data/aNumber", "A" + aNumber.substring(1)));
    }

    /** A released person, and their new case: the two cases a link and a re-encounter are about. */
    record TwoEncounters(Expected linked, Expected reEncountered) {
    }

    TwoEncounters identifiedAtIntake(String eventNumber) {
        String fin = "77" + eventNumber.substring(3) + "0001";
        String earlier = journeys.releasedAdult(eventNumber, Map.of("fin", fin));
        String again = journeys.adultAfterIntake(eventNumber + "A", Map.of("fin", fin));
        return twoEncounters(earlier, again, "agent");
    }

    TwoEncounters confirmedSamePerson(String eventNumber, String familyName, String givenNames) {
        record(ApprehensionFixtures.adultNamed(eventNumber, familyName, givenNames, "1979-02-14"));
        agent().completeIntake(eventNumber + "-01", false);
        journeys.release(eventNumber + "-01");
        record(ApprehensionFixtures.adultNamed(eventNumber + "A", familyName, givenNames, "1979-02-14"));
        agent().completeIntake(eventNumber + "A-01", false, Map.of("samePersonAsEarlier", "SAME_PERSON"));
        return twoEncounters(eventNumber + "-01", eventNumber + "A-01", "agent");
    }

    private TwoEncounters twoEncounters(String earlier, String again, String actor) {
        String personId = ApiClient.as(port, "supervisor").get("/api/cases/" + earlier).json().get("personId").asText();
        return new TwoEncounters(new Expected(again, actor, Map.of("/data/personId", personId, "/data/undone",
                "false")), new Expected(earlier, "system", Map.of("/data/personId", personId)));
    }

    Expected linkUndone(String eventNumber) {
        String again = identifiedAtIntake(eventNumber).linked().caseNumber();
        post("supervisor", "/api/cases/" + again + "/person-link/undo", "{\"reason\": \"fingerprints show another"
                + " man\"}", 200);
        return new Expected(again, "supervisor", Map.of("/data/undone", "true"));
    }

    TwoEncounters apprehendedAgain(String eventNumber, boolean afterMissedCheckIn) {
        String fin = "88" + eventNumber.substring(3) + "0001";
        String earlier = journeys.releasedAdult(eventNumber, Map.of("fin", fin));
        if (afterMissedCheckIn) {
            passTime(Duration.ofDays(61), earlier);
            assertThat(timelineTypes(earlier)).as("the check-in was missed").contains("CLOCK_BREACHED");
        }
        record(ApprehensionFixtures.singleAdultWithFin(eventNumber + "A", fin));
        TwoEncounters encounters = twoEncounters(earlier, eventNumber + "A-01", "agent");
        Map<String, String> recordedAsKnown = new HashMap<>(encounters.linked().data());
        recordedAsKnown.put("/data/previousPersonId", "null");
        return new TwoEncounters(new Expected(eventNumber + "A-01", "agent", recordedAsKnown),
                encounters.reEncountered());
    }

    // How each way is taken.

    private double counted(Row row) {
        List<String> meter = METERS.get(row.event());
        if (meter == null) {
            return 0;
        }
        List<String> tags = new ArrayList<>(meter.subList(1, meter.size()));
        if (meter.get(0).equals("custody.breaches")) {
            tags.addAll(List.of("clock", row.how().substring(row.how().lastIndexOf(": ") + 2)));
        }
        return meters.find(meter.get(0)).tags(tags.toArray(String[]::new)).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private TasklistClient tasks(String user) {
        return new TasklistClient(ApiClient.as(port, user)).submittingForms();
    }

    private TasklistClient agent() {
        return tasks("agent");
    }

    private void submit(String user, String caseNumber, String task, Map<String, Object> answers) {
        ApiClient.Response submitted = tasks(user).complete(caseNumber, task, answers);
        assertThat(submitted.status()).as(task + " of " + caseNumber + ": " + submitted.body()).isEqualTo(204);
    }

    private void record(String apprehension) {
        post("agent", "/api/apprehensions", apprehension, 201);
    }

    private void post(String user, String path, String body, int status) {
        ApiClient.Response response = ApiClient.as(port, user).post(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(status);
    }

    /** Moves the engine clock on and runs the cases' due jobs only: other cases keep theirs. */
    private void passTime(Duration later, String... caseNumbers) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(later)));
        for (String caseNumber : caseNumbers) {
            List<String> instances = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber).list().stream().map(ProcessInstance::getId).toList();
            List<Job> due = new ArrayList<>();
            for (String instance : instances) {
                due.addAll(managementService.createJobQuery().processInstanceId(instance).executable().list());
            }
            assertThat(due).as("due jobs of " + caseNumber).isNotEmpty();
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<JsonNode> timeline(String caseNumber) {
        List<JsonNode> entries = new ArrayList<>();
        ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json().forEach(entries::add);
        return entries;
    }

    private List<String> timelineTypes(String caseNumber) {
        return timeline(caseNumber).stream().map(entry -> entry.get("type").asText()).toList();
    }

    private static String eventOf(String caseNumber) {
        return caseNumber.substring(0, caseNumber.lastIndexOf('-'));
    }

    private static String valueOf(java.lang.reflect.Field constant) {
        try {
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
