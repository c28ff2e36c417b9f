package org.bordercustody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bordercustody.apprehension.ApprehensionFixtures;

/** Cases carried through the API by the people who work them, to the state a test starts from. */
public final class Journeys {

    private final int port;
    private final boolean submittingForms;

    public Journeys(int port) {
        this(port, false);
    }

    private Journeys(int port, boolean submittingForms) {
        this.port = port;
        this.submittingForms = submittingForms;
    }

    /** The same journeys, each task completed as Tasklist does with its form (submit-form). */
    public Journeys submittingForms() {
        return new Journeys(port, true);
    }

    /** A single adult, released on an NTA to a house in Dallas, waiting for the 60-day check-in. */
    public String releasedAdult(String eventNumber) {
        return releasedAdult(eventNumber, Map.of());
    }

    /** The same, with further intake answers: the identifiers captured, say. */
    public String releasedAdult(String eventNumber, Map<String, Object> intake) {
        String caseNumber = adultAfterIntake(eventNumber, intake);
        release(caseNumber);
        return caseNumber;
    }

    /**
     * The street a journey's person is released to: a house of Elm St of its own, so that the releases of many tests
     * never make an address "given by many" (more than ten releases in 90 days go to a supervisor first).
     */
    public static String streetOf(String eventNumber) {
        return (1 + Math.floorMod(eventNumber.hashCode(), 9999)) + " Elm St";
    }

    /** A single adult after intake, released on an NTA to a house in Dallas, waiting for the 60-day check-in. */
    public void release(String caseNumber) {
        String eventNumber = caseNumber.substring(0, caseNumber.length() - 3);
        approve(caseNumber, Map.of("approveProposal", "true"));
        TasklistClient agent = agentTasks();
        assertThat(agent.complete(caseNumber, "Task_RecordIntendedAddress", Map.of("addressStreet", streetOf(eventNumber),
                "addressBuildingType", "SINGLE_UNIT", "addressCity", "Dallas", "addressState", "TX", "addressZip", "75201",
                "contactPhone", "+12145550100")).status()).isEqualTo(204);
        assertThat(agent.complete(caseNumber, "Task_IssueReleaseDocuments", Map.of("releaseDocuments", "NTA_I862",
                "releaseDocumentNumber", "A-" + eventNumber)).status()).isEqualTo(204);
    }

    /** A single adult whose release the supervisor approved: the agent records the intended address next. */
    public String adultAwaitingAddress(String eventNumber) {
        String caseNumber = adultAfterIntake(eventNumber);
        approve(caseNumber, Map.of("approveProposal", "true"));
        return caseNumber;
    }

    /** A single adult the supervisor sends to ICE detention, handed over and waiting for ICE to accept. */
    public String adultAwaitingIce(String eventNumber) {
        String caseNumber = adultAfterIntake(eventNumber);
        approve(caseNumber, Map.of("approveProposal", "false", "overrideOutcome", "TRANSFER_TO_ICE_DETENTION",
                "overrideReason", "absconded before"));
        assertThat(agentTasks().complete(caseNumber, "Task_PrepareIceTransfer", Map.of("iceFacility", "PISPC",
                "transferRecord", "no medical issues")).status()).isEqualTo(204);
        return caseNumber;
    }

    /** A nine-year-old with an aunt: found unaccompanied, HHS notified, waiting for ORR to designate a placement. */
    public String childAwaitingPlacement(String eventNumber) {
        record(ApprehensionFixtures.childWithAunt(eventNumber));
        TasklistClient agent = agentTasks();
        agent.completeIntake(eventNumber + "-01", false);
        agent.completeIntake(eventNumber + "-02", false);
        assertThat(agent.complete(eventNumber + "-02", "Task_NotifyHhsOfChild",
                Map.of("hhsReferralId", "UC-" + eventNumber)).status()).isEqualTo(204);
        return eventNumber + "-02";
    }

    /**
     * A mother and her two children, decided together and released on NTAs to a house in Houston, waiting for the
     * 60-day check-in: the mother's case first.
     */
    public java.util.List<String> releasedFamily(String eventNumber) {
        String mother = familyAfterIntake(eventNumber);
        TasklistClient agent = agentTasks();
        approve(mother, Map.of("approveProposal", "true", "familySeparation", "KEEP_TOGETHER"));
        assertThat(agent.complete(mother, "Task_RecordIntendedAddress", Map.of("addressStreet", streetOf(eventNumber),
                "addressBuildingType", "SINGLE_UNIT", "addressCity", "Houston", "addressState", "TX",
                "addressZip", "77002")).status()).isEqualTo(204);
        assertThat(agent.complete(mother, "Task_IssueReleaseDocuments", Map.of("releaseDocuments", "NTA_I862",
                "releaseDocumentNumber", "A-" + eventNumber + "-1", "familyMember1DocumentNumber",
                "A-" + eventNumber + "-2", "familyMember2DocumentNumber", "A-" + eventNumber + "-3")).status())
                .isEqualTo(204);
        return java.util.List.of(mother, eventNumber + "-02", eventNumber + "-03");
    }

    /** A mother and her two children after intake, relationship verified, waiting for the supervisor: her case. */
    public String familyAfterIntake(String eventNumber) {
        record(ApprehensionFixtures.family(eventNumber));
        for (String member : java.util.List.of("-01", "-02", "-03")) {
            agentTasks().completeIntake(eventNumber + member, true);
        }
        return eventNumber + "-01";
    }

    /**
     * The supervisor overrides the proposal of the case with an expedited removal, the agent records the departure:
     * a family is removed together.
     */
    public void expeditedRemoval(String caseNumber) {
        approve(caseNumber, Map.of("approveProposal", "false", "overrideOutcome", "EXPEDITED_REMOVAL",
                "overrideReason", "final order on file"));
        assertThat(agentTasks().complete(caseNumber, "Task_RecordRemoval", Map.of("departurePort", "Hidalgo"))
                .status()).isEqualTo(204);
    }

    /** A father with a criminal history and his ten-year-old son, whom the supervisor separated: the son's case. */
    public String separatedChild(String eventNumber) {
        record(ApprehensionFixtures.fatherAndTenYearOld(eventNumber));
        TasklistClient agent = agentTasks();
        agent.completeIntake(eventNumber + "-01", true, Map.of("recordsCheckResult", "CRIMINAL_HISTORY"));
        agent.completeIntake(eventNumber + "-02", true);
        approve(eventNumber + "-01", Map.of("approveProposal", "true", "familySeparation", "SEPARATE",
                "separationReason", "CRIMINAL_HISTORY_OR_WARRANT", "separationNote", "warrant for assault",
                "separateChild1", true));
        return eventNumber + "-02";
    }

    public String adultAfterIntake(String eventNumber) {
        return adultAfterIntake(eventNumber, Map.of());
    }

    /** With intake answers that record identifiers, the person is apprehended without any. */
    public String adultAfterIntake(String eventNumber, Map<String, Object> intake) {
        String apprehension = ApprehensionFixtures.singleAdult(eventNumber);
        record(intake.isEmpty() ? apprehension : ApprehensionFixtures.withoutIdentifiers(apprehension));
        agentTasks().completeIntake(eventNumber + "-01", false, intake);
        return eventNumber + "-01";
    }

    /**
     * A mother with a public-safety record and her two children, whom the supervisor sends to ICE and the agent hands
     * over to the family residential center at Dilley: ICE's acceptance is next. The event number.
     */
    public String familyHandedOverToIce(String eventNumber) {
        record(ApprehensionFixtures.family(eventNumber));
        TasklistClient agent = agentTasks();
        assertThat(agent.complete(eventNumber + "-01", "Task_RecordIntake", Map.of("biometricsStatus", "CAPTURED",
                "recordsCheckResult", "PUBLIC_SAFETY_OR_NATIONAL_SECURITY", "medicalScreening", "NO_CONCERNS",
                "processingPathway", "NTA", "flightRisk", "HIGH", "familyRelationshipVerified", true)).status())
                .isEqualTo(204);
        agent.completeIntake(eventNumber + "-02", false);
        agent.completeIntake(eventNumber + "-03", false);
        approve(eventNumber + "-01", Map.of("approveProposal", "true"));
        assertThat(agent.complete(eventNumber + "-01", "Task_PrepareIceTransfer",
                Map.of("iceFacility", "DILLEY", "transferRecord", "family of three")).status()).isEqualTo(204);
        return eventNumber;
    }

    /** The same family, accepted by ICE's officer into family custody at Dilley. The event number. */
    public String familyInIceFamilyCustody(String eventNumber) {
        familyHandedOverToIce(eventNumber);
        assertThat(tasks("ice-officer").complete(eventNumber + "-01", "Task_AcceptIceTransfer",
                Map.of("iceBookInNumber", "F-" + eventNumber)).status()).isEqualTo(204);
        return eventNumber;
    }

    private void approve(String caseNumber, Map<String, Object> decision) {
        assertThat(tasks("supervisor").complete(caseNumber, "Task_ApproveCustodyOutcome", decision).status())
                .isEqualTo(204);
    }

    private void record(String apprehension) {
        ApiClient.Response response = ApiClient.as(port, "agent").post("/api/apprehensions", apprehension);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private TasklistClient agentTasks() {
        return tasks("agent");
    }

    private TasklistClient tasks(String user) {
        TasklistClient tasks = new TasklistClient(ApiClient.as(port, user));
        return submittingForms ? tasks.submittingForms() : tasks;
    }
}
