package org.bordercustody.release;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.BreachRepository;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.Encounters;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.CustodyProcess.Variables;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.custody.Timeline;
import org.bordercustody.facility.Agency;
import org.bordercustody.facility.Facilities;
import org.bordercustody.facility.Facility;
import org.bordercustody.facility.FacilityKind;
import org.bordercustody.family.Families;
import org.bordercustody.family.FamilyLink;
import org.bordercustody.family.FamilyLinkRepository;
import org.bordercustody.family.FamilySeparations;
import org.bordercustody.family.FamilySeparations.SeparatedChild;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Use cases of the release-or-transfer decision and of carrying it out. A family unit gets one decision:
 * taken in the case of its lead, it is recorded and carried out for every member.
 */
@Service
public class CustodyOutcomes {

    /** The outcomes a supervisor may choose instead of the proposal: the approval form's list, the decision table's too. */
    public static final Set<String> OUTCOMES = TaskForms.deployed().choicesOf("overrideOutcome").keySet();

    public record Proposal(String outcome, String reason) {
    }

    public record Released(Instant releasedAt, Instant checkInDueBy, IntendedAddress address, List<String> family) {
    }

    public record BookedIn(Instant bookedInAt, Instant floresDeadline, List<String> family) {
    }

    private final Families families;
    private final CustodyCaseRepository cases;
    private final ReleaseRepository releases;
    private final Timeline timeline;
    private final CustodyClocks clocks;
    private final ReleasePolicy policy;
    private final Clock clock;
    private final Encounters encounters;
    private final BreachRepository breaches;
    private final Facilities facilities;
    private final FamilyLinkRepository familyLinks;
    private final FamilySeparations separations;

    public CustodyOutcomes(Families families, CustodyCaseRepository cases, ReleaseRepository releases,
            Timeline timeline, CustodyClocks clocks, ReleasePolicy policy, Clock clock, Encounters encounters,
            BreachRepository breaches, Facilities facilities, FamilyLinkRepository familyLinks,
            FamilySeparations separations) {
        this.separations = separations;
        this.facilities = facilities;
        this.familyLinks = familyLinks;
        this.encounters = encounters;
        this.breaches = breaches;
        this.families = families;
        this.cases = cases;
        this.releases = releases;
        this.timeline = timeline;
        this.clocks = clocks;
        this.policy = policy;
        this.clock = clock;
    }

    /** The members the lead's decision applies to: the lead, then the family unit members of its family by case number. */
    public List<String> familyOf(String leadCaseNumber) {
        if (cases.get(leadCaseNumber).classification() != Classification.FAMILY_UNIT_MEMBER) {
            return List.of(leadCaseNumber);
        }
        return Stream.concat(Stream.of(leadCaseNumber), families.gather(leadCaseNumber).familyCaseNumbers().stream()
                        .filter(member -> !member.equals(leadCaseNumber))
                        .filter(member -> cases.get(member).classification() == Classification.FAMILY_UNIT_MEMBER)
                        .sorted())
                .toList();
    }

    public void recordProposal(String caseNumber, Proposal proposal) {
        cases.recordProposal(caseNumber, new CustodyCaseRepository.ProposedOutcome(proposal.outcome(), proposal.reason()));
        timeline.record(caseNumber, "RELEASE_PROPOSED", "The release eligibility decision proposes: "
                + outcomeWords(proposal.outcome()) + " (" + proposal.reason() + ")", Timeline.SYSTEM_ACTOR);
    }

    /** The supervisor's decision: the outcome and, for a family with children, whether it is separated. */
    public record Decided(String outcome, List<SeparatedChild> separatedChildren) {
    }

    /**
     * The supervisor approves the proposal or overrides it with a reason, and keeps a family together or separates
     * its children from the adults; the adults (or the family kept together) get the outcome.
     */
    public Decided decide(String caseNumber, boolean approved, String override, String overrideReason,
            FamilySeparations.Decision family, String actor) {
        Proposal proposal = proposalOf(caseNumber);
        List<String> members = familyOf(caseNumber);
        separations.check(members, family);
        String outcome;
        String description;
        if (approved) {
            outcome = proposal.outcome();
            description = "Supervisor approved the proposal: " + outcomeWords(outcome);
        } else {
            if (override == null || !OUTCOMES.contains(override)) {
                throw new InvalidRequestException("overrideOutcome", "must be one of " + String.join(", ", OUTCOMES.stream().sorted().toList()));
            }
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new InvalidRequestException("overrideReason", "is required to override the proposal");
            }
            outcome = override;
            description = "Supervisor overrode the proposal (" + outcomeWords(proposal.outcome()) + ") with: "
                    + outcomeWords(outcome) + ", because " + overrideReason.strip();
        }
        for (String member : members) {
            cases.recordOutcome(member, outcome);
            timeline.record(member, "CUSTODY_OUTCOME_DECIDED", description
                    + (member.equals(caseNumber) ? "" : " (decided for the family in case " + caseNumber + ")"), actor);
        }
        return new Decided(outcome, separations.carryOut(caseNumber, members, family, actor));
    }

    /** Each child of the lead's family a separation may concern, in words, in the approval form's order. */
    public List<String> separableChildrenOf(String leadCaseNumber) {
        return isFamilyMember(leadCaseNumber) ? separations.eachChildInWords(familyOf(leadCaseNumber)) : List.of();
    }

    /** The documents each release outcome is carried out with. */
    static final Map<String, String> DOCUMENTS_OF = Map.of(
            "RELEASE_NTA_OR", "NTA_I862",
            "RELEASE_NOTICE_TO_REPORT", "NTR_I385",
            "RELEASE_PAROLE_ATD", "PAROLE_I94_ATD");

    static String outcomeWords(String outcome) {
        return TaskForms.deployed().wordsFor("overrideOutcome", outcome);
    }

    /** The release eligibility decision's proposal, which the supervisor approves or overrides. */
    public Proposal proposalOf(String caseNumber) {
        return cases.proposal(caseNumber).map(stored -> new Proposal(stored.outcome(), stored.reason()))
                .orElseThrow(() -> new IllegalStateException("No release or transfer is proposed for " + caseNumber));
    }

    /** The outcome the supervisor approved for the case (or the family's lead). */
    public String outcomeOf(String caseNumber) {
        return cases.outcome(caseNumber).orElseThrow(() -> new IllegalStateException(
                "No release or transfer is decided for " + caseNumber));
    }

    public boolean isFamilyMember(String caseNumber) {
        return cases.get(caseNumber).classification() == Classification.FAMILY_UNIT_MEMBER;
    }

    /** What the release decision reads besides the family's facts. */
    public record ReleaseFacts(String processingPathway, String flightRisk, boolean detentionBedsAvailable,
            boolean missedEarlierCheckIn) {
    }

    /**
     * What intake found about the person (from the case: intake may have been days and other family members ago)
     * and whether ICE has detention beds; refused when intake is not recorded.
     */
    public ReleaseFacts releaseFactsOf(String caseNumber) {
        var intake = cases.intake(caseNumber).orElseThrow(() -> new IllegalStateException(
                "The release of " + caseNumber + " cannot be decided before its intake is recorded"));
        List<String> earlier = familyOf(caseNumber).stream().map(cases::get)
                .filter(member -> member.caseNumber().equals(caseNumber) || member.isKnownAdult())
                .flatMap(member -> encounters.earlier(member).stream())
                .map(CustodyCase::caseNumber)
                .toList();
        return new ReleaseFacts(intake.processingPathway(), intake.flightRisk(), policy.iceDetentionBedsAvailable(),
                !breaches.missedCheckIns(earlier).isEmpty());
    }

    /** The address recorded for the case and how many others were released to it within the window until now. */
    public Optional<RecordedAddress> recordedAddress(String caseNumber) {
        String event = cases.get(caseNumber).eventNumber();
        return releases.addressOf(caseNumber).map(address -> new RecordedAddress(address, releases.releasesTo(
                address.key(), clock.instant().minus(policy.recurringAddressWindow()), event)));
    }

    public record RecordedAddress(IntendedAddress address, long othersReleasedToIt) {
    }

    /**
     * Records the address for the family; true when more others than the threshold were released to it within the
     * window, so that a supervisor reviews it.
     */
    public boolean recordAddress(String caseNumber, IntendedAddress address, String actor) {
        Instant now = clock.instant();
        for (String member : familyOf(caseNumber)) {
            releases.saveAddress(member, address, now);
            // Only an address the address rules took is recorded: its ZIP code is of its state.
            cases.recordReleaseAddressValid(member, true);
            timeline.record(member, "ADDRESS_RECORDED", "Intended U.S. address: " + address.text(), actor);
        }
        String event = cases.get(caseNumber).eventNumber();
        long others = releases.releasesTo(address.key(), now.minus(policy.recurringAddressWindow()), event);
        return others > policy.recurringAddressThreshold();
    }

    /**
     * The others a family's release covers, as the documents form names them beside their own document number:
     * "Lopez, Luis (age 7, case SDC2611250001-02)"; nothing for a person released alone.
     */
    public List<String> othersReleasedWith(String leadCaseNumber) {
        List<String> family = familyOf(leadCaseNumber);
        return family.subList(1, family.size()).stream().map(cases::get)
                .map(member -> member.displayName() + " (" + (member.ageAtApprehension() == null ? "age unknown"
                        : "age " + member.ageAtApprehension()) + ", case " + member.caseNumber() + ")")
                .toList();
    }

    /**
     * Releases the person, and the family with them, from CBP custody with the documents issued: the person's
     * own document number, and one for each other member in the order {@link #othersReleasedWith} names them.
     */
    public Released release(String caseNumber, String documents, String documentNumber, List<String> othersNumbers,
            String differReason, String actor) {
        String outcome = outcomeOf(caseNumber);
        String expected = DOCUMENTS_OF.get(outcome);
        boolean differ = expected != null && !expected.equals(documents);
        if (differ && (differReason == null || differReason.isBlank())) {
            throw new InvalidRequestException("releaseDocuments", "must be the "
                    + TaskForms.deployed().wordsFor("releaseDocuments", expected) + " of the approved outcome ("
                    + outcomeWords(outcome) + "), or say why the documents differ");
        }
        Map<String, String> numbers = documentNumbers(caseNumber, documentNumber, othersNumbers);
        String issued = TaskForms.deployed().wordsFor("releaseDocuments", documents);
        String why = differ ? " (not the documents of the approved outcome, " + outcomeWords(outcome) + ": "
                + differReason.strip() + ")" : "";
        return releaseFamily(caseNumber, documents, member -> "with " + issued + " number " + numbers.get(member) + why,
                true, actor);
    }

    /** Each person's own document number, by case: given for every member, no number given twice. */
    private Map<String, String> documentNumbers(String caseNumber, String documentNumber, List<String> othersNumbers) {
        List<String> family = familyOf(caseNumber);
        List<String> named = othersReleasedWith(caseNumber);
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put(caseNumber, documentNumber.strip());
        for (int i = 0; i < named.size(); i++) {
            String member = family.get(i + 1);
            if (i >= Variables.FAMILY_MEMBER_DOCUMENT_NUMBERS.size()) {
                // More members than the form has slots: released with the family, the number kept on paper.
                numbers.put(member, "not recorded here (a family of more than "
                        + (Variables.FAMILY_MEMBER_DOCUMENT_NUMBERS.size() + 1) + ")");
                continue;
            }
            String field = Variables.FAMILY_MEMBER_DOCUMENT_NUMBERS.get(i);
            String label = "Document number of " + named.get(i);
            String number = i < othersNumbers.size() && othersNumbers.get(i) != null ? othersNumbers.get(i).strip() : "";
            if (number.isEmpty()) {
                throw new InvalidRequestException(field, label, "is required: each person released gets a document of"
                        + " their own");
            }
            if (numbers.containsValue(number)) {
                throw new InvalidRequestException(field, label, "is the number of another person's document; each"
                        + " document has its own number");
            }
            numbers.put(member, number);
        }
        return numbers;
    }

    /** ICE releases a family from family custody, for the reason its officer gives. */
    public Released releaseFromIceFamilyCustody(String caseNumber, String reason, String actor) {
        return releaseFamily(caseNumber, "ICE_RELEASE", member -> "from ICE family custody (" + reason + ")", false,
                actor);
    }

    private Released releaseFamily(String caseNumber, String documents, Function<String, String> how,
            boolean fromCbpCustody, String actor) {
        IntendedAddress address = releases.addressOf(caseNumber)
                .orElseThrow(() -> new ConflictException("case " + caseNumber + " has no intended U.S. address: no release without one"));
        Instant releasedAt = clock.instant();
        Instant checkInDueBy = clocks.checkInDueBy(releasedAt);
        List<String> family = familyOf(caseNumber);
        for (String member : family) {
            cases.recordRelease(member, releasedAt, documents, checkInDueBy, fromCbpCustody);
            timeline.record(member, "RELEASED", "Released " + how.apply(member) + " to " + address.text()
                    + "; report to ICE by " + CustodyProcessStarter.shown(checkInDueBy), actor);
        }
        return new Released(releasedAt, checkInDueBy, address, family);
    }

    /** ICE learns of the release through this timeline event, which partner systems read. */
    public void notifyIceOfRelease(String caseNumber) {
        Instant due = cases.checkInDueBy(caseNumber)
                .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " has no check-in deadline"));
        String address = releases.addressOf(caseNumber).map(IntendedAddress::text).orElse("no address");
        timeline.record(caseNumber, "ICE_NOTIFIED", "ICE notified of the release to " + address + ": report by "
                + CustodyProcessStarter.shown(due), Timeline.SYSTEM_ACTOR);
    }

    /**
     * The ICE facility of the code, when it may hold everyone handed over or booked in with this case (the family
     * goes together): an ICE facility whose ages and sexes fit each of them, and for a child (under 18 at this
     * instant) only a family residential center, with a parent or legal guardian of the child in the same family
     * custody. Anything else is refused naming the field; the one check of every hand-over and book-in, whichever way
     * it arrives.
     */
    public Facility iceFacilityFor(String caseNumber, String code, String field) {
        Facility facility = facilities.ofAgency(code, Agency.ICE, field);
        Instant at = clock.instant();
        List<CustodyCase> together = familyOf(caseNumber).stream().map(cases::get).toList();
        Set<String> togetherNumbers = together.stream().map(CustodyCase::caseNumber)
                .collect(java.util.stream.Collectors.toSet());
        for (CustodyCase member : together) {
            Integer age = member.ageAt(at);
            String who = member.displayName() + " (case " + member.caseNumber() + (age == null ? "" : ", age " + age)
                    + ")";
            if (age != null && age < CustodyCase.AGE_OF_MAJORITY) {
                if (facility.kind() != FacilityKind.ICE_FAMILY_RESIDENTIAL_CENTER) {
                    throw new InvalidRequestException(field, who + " is a child: ICE may hold a child only at a family"
                            + " residential center, with a parent or legal guardian; " + facility.shown()
                            + " is adult detention");
                }
                if (!withParentOrGuardian(member, togetherNumbers, at)) {
                    throw new InvalidRequestException(field, who + " is a child: ICE may hold a child at "
                            + facility.shown() + " only with a parent or legal guardian in the same family custody,"
                            + " and none is handed over with the child");
                }
            }
            facility.refusal(member.sex(), age).ifPresent(why -> {
                throw new InvalidRequestException(field, why + ": " + who + " cannot be held there");
            });
        }
        return facility;
    }

    private boolean withParentOrGuardian(CustodyCase child, Set<String> together, Instant at) {
        return familyLinks.findByEvent(child.eventNumber()).stream()
                .filter(link -> link.caseNumber().equals(child.caseNumber()))
                .filter(link -> link.relationship().makesFamilyUnit())
                .map(FamilyLink::companionCaseNumber)
                .filter(together::contains)
                .map(cases::get)
                .map(parent -> parent.ageAt(at))
                .anyMatch(age -> age != null && age >= CustodyCase.AGE_OF_MAJORITY);
    }

    /**
     * Whether ICE takes the case into family custody, under the Flores limit: a family with its children. Adults whose
     * children were separated from them go to ICE custody as adults.
     */
    public boolean goesToFamilyCustody(String caseNumber) {
        return isFamilyMember(caseNumber) && familyOf(caseNumber).stream().map(cases::get)
                .anyMatch(member -> !member.isKnownAdult());
    }

    public BookedIn transferToIce(String caseNumber, String facilityCode, String bookInNumber, String actor) {
        Facility facility = iceFacilityFor(caseNumber, facilityCode, Variables.ICE_FACILITY);
        Instant bookedInAt = clock.instant();
        List<String> family = familyOf(caseNumber);
        boolean familyCustody = goesToFamilyCustody(caseNumber);
        Instant floresDeadline = familyCustody ? clocks.floresDeadline(bookedInAt) : null;
        for (String member : family) {
            cases.recordIceBookIn(member, bookedInAt, familyCustody);
            cases.recordHeldAt(member, facility.code());
            timeline.record(member, "TRANSFERRED_TO_ICE", "Accepted into ICE custody at " + facility.shown() + ", book-in "
                    + bookInNumber + "; CBP custody ended" + (familyCustody
                    ? "; family custody limit " + CustodyProcessStarter.shown(floresDeadline) : ""), actor);
        }
        return new BookedIn(bookedInAt, floresDeadline, family);
    }

    /** The person, and the family with them, was removed or returned from CBP custody. */
    public List<String> remove(String caseNumber, String departurePort, String actor) {
        return removeFamily(caseNumber, outcomeWords(outcomeOf(caseNumber)) + " through " + departurePort, true,
                actor);
    }

    /** ICE removed a family from family custody, for the reason its officer gives. */
    public List<String> removeFromIceFamilyCustody(String caseNumber, String reason, String actor) {
        return removeFamily(caseNumber, "Removed from ICE family custody: " + reason, false, actor);
    }

    private List<String> removeFamily(String caseNumber, String description, boolean fromCbpCustody, String actor) {
        Instant removedAt = clock.instant();
        List<String> family = familyOf(caseNumber);
        for (String member : family) {
            cases.recordRemoved(member, removedAt, fromCbpCustody);
            timeline.record(member, "REMOVED", description, actor);
        }
        return family;
    }
}
