package org.bordercustody.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bordercustody.custody.CaseAccess;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.facility.Facilities;
import org.bordercustody.facility.Facility;
import org.bordercustody.family.FamilyLink;
import org.bordercustody.family.FamilyLinkRepository;
import org.bordercustody.family.Separation;
import org.bordercustody.family.SeparationRepository;
import org.bordercustody.release.IntendedAddress;
import org.bordercustody.release.ReleaseRepository;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family in one view, as GET /api/cases/{caseNumber}/family answers: each member with name, age, relationship,
 * status and where they are now, and the family's separations. Each reader sees the members they may read; HHS ORR,
 * which reads children only, also sees the parents its children were separated from, with what reunifying them
 * needs (who they are and where they are) and nothing more.
 */
@Service
@Transactional(readOnly = true)
public class FamilyViews {

    /** Where a member is now: an agency's facility, a CBP station, or the city and state a release went to. */
    public record WhereNowView(String agency, String facility, String facilityName, String facilityKind,
            String sector, String station, String releasedToCity, String releasedToState, String words) {
    }

    /**
     * A member. {@code relationship}: CHILD for a child the family came with, otherwise the adult's relationship to
     * the child (PARENT, LEGAL_GUARDIAN, OTHER_RELATIVE, UNRELATED_ADULT). A parent shown only for the reunification of
     * a child the reader may read has no age and no status.
     */
    public record Member(String caseNumber, UUID personId, String familyName, String givenNames, Integer age,
            String relationship, String status, WhereNowView whereNow) {
    }

    public record SeparationView(Instant at, List<String> caseNumbers, String reason, String reasonWords, String note,
            String decidedBy, Instant reunifiedAt, String reunifiedBy) {
    }

    public record FamilyView(String caseNumber, List<Member> members, List<SeparationView> separations) {
    }

    private final CustodyCaseRepository cases;
    private final FamilyLinkRepository links;
    private final SeparationRepository separations;
    private final ReleaseRepository releases;
    private final Facilities facilities;
    private final CaseAccess access;
    private final WhereNow whereNow;
    private final Clock clock;

    FamilyViews(CustodyCaseRepository cases, FamilyLinkRepository links,
            SeparationRepository separations, ReleaseRepository releases, Facilities facilities, CaseAccess access,
            WhereNow whereNow, Clock clock) {
        this.cases = cases;
        this.links = links;
        this.separations = separations;
        this.releases = releases;
        this.facilities = facilities;
        this.access = access;
        this.whereNow = whereNow;
        this.clock = clock;
    }

    /** The family of the case; a case the caller may not read answers as one that does not exist. */
    public FamilyView of(String caseNumber, Authentication caller) {
        access.checkReadable(caseNumber, caller);
        CustodyCase asked = cases.get(org.bordercustody.custody.Cases.checked(caseNumber));
        List<FamilyLink> eventLinks = links.findByEvent(asked.eventNumber());
        Set<String> numbers = apprehendedTogether(caseNumber, eventLinks);
        Map<String, CustodyCase> family = new LinkedHashMap<>();
        cases.findByEvent(asked.eventNumber()).stream().filter(member -> numbers.contains(member.caseNumber()))
                .sorted(java.util.Comparator.comparing(CustodyCase::caseNumber))
                .forEach(member -> family.put(member.caseNumber(), member));
        Set<String> readable = family.values().stream().filter(member -> access.mayRead(member, caller))
                .map(CustodyCase::caseNumber).collect(Collectors.toSet());
        List<Separation> seen = separations.findByEvent(asked.eventNumber()).stream()
                .filter(separation -> family.containsKey(separation.childCaseNumber()))
                .filter(separation -> readable.contains(separation.childCaseNumber()))
                .toList();
        // A parent the reader may not read is shown for the reunification of a child the reader may read.
        Set<String> forReunification = seen.stream().map(Separation::parentCaseNumber)
                .filter(parent -> !readable.contains(parent)).collect(Collectors.toSet());
        List<CustodyCase> shown = family.values().stream()
                .filter(member -> readable.contains(member.caseNumber())
                        || forReunification.contains(member.caseNumber()))
                .toList();
        Map<String, String> relationships = relationships(eventLinks);
        Map<String, String> where = whereNowWords(shown);
        Map<String, IntendedAddress> addresses = releases.addressesOf(numbersOf(shown));
        Map<String, String> held = cases.heldAt(numbersOf(shown));
        Instant now = clock.instant();
        List<Member> members = shown.stream().map(member -> {
            boolean full = readable.contains(member.caseNumber());
            return new Member(member.caseNumber(), member.personId(), member.familyName(), member.givenNames(),
                    full ? member.ageAt(now) : null, relationships.get(member.caseNumber()),
                    full ? member.status().name() : null,
                    whereNowOf(member, addresses.get(member.caseNumber()), held.get(member.caseNumber()),
                            where.get(member.caseNumber())));
        }).toList();
        return new FamilyView(caseNumber, members, separationViews(seen));
    }

    private List<SeparationView> separationViews(List<Separation> seen) {
        // One decision separates each child from each adult: one entry per child and parent, oldest first.
        List<SeparationView> views = new ArrayList<>();
        for (Separation separation : seen) {
            views.add(new SeparationView(separation.decidedAt(),
                    List.of(separation.childCaseNumber(), separation.parentCaseNumber()), separation.reason().name(),
                    TaskForms.deployed().wordsFor("separationReason", separation.reason().name()), separation.note(),
                    separation.decidedBy(), separation.reunifiedAt(), separation.reunifiedBy()));
        }
        return views;
    }

    /**
     * The family: the case and everyone joined to it by a stated relationship of the apprehension (a parent, a legal
     * guardian, another relative or an unrelated adult the child came with), however many links away.
     */
    private static Set<String> apprehendedTogether(String caseNumber, List<FamilyLink> eventLinks) {
        Set<String> together = new java.util.TreeSet<>(Set.of(caseNumber));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (FamilyLink link : eventLinks) {
                if (together.contains(link.caseNumber()) != together.contains(link.companionCaseNumber())) {
                    together.add(link.caseNumber());
                    together.add(link.companionCaseNumber());
                    grew = true;
                }
            }
        }
        return together;
    }

    private static Map<String, String> relationships(List<FamilyLink> eventLinks) {
        Map<String, String> relationships = new LinkedHashMap<>();
        for (FamilyLink link : eventLinks) {
            relationships.put(link.caseNumber(), "CHILD");
            relationships.putIfAbsent(link.companionCaseNumber(), link.relationship().name());
        }
        return relationships;
    }

    private Map<String, String> whereNowWords(List<CustodyCase> members) {
        return whereNow.of(members).stream().collect(Collectors.toMap(
                encounter -> encounter.custodyCase().caseNumber(), WhereNow.Encounter::whereNow));
    }

    private WhereNowView whereNowOf(CustodyCase member, IntendedAddress address, String heldAt, String words) {
        Optional<Facility> facility = Optional.ofNullable(heldAt).flatMap(facilities::find);
        return switch (member.status()) {
            case IN_CBP_CUSTODY -> {
                Optional<Facility> station = facilities.find(member.station());
                yield new WhereNowView("CBP", member.station(), station.map(Facility::name).orElse(null),
                        "CBP_HOLDING", member.sector(), member.station(), null, null, words);
            }
            case TRANSFERRED_TO_ICE, TRANSFERRED_TO_ORR -> new WhereNowView(
                    member.status() == CaseStatus.TRANSFERRED_TO_ICE ? "ICE" : "ORR", heldAt,
                    facility.map(Facility::name).orElse(null), facility.map(held -> held.kind().name()).orElse(null),
                    null, null, null, null, words);
            case REMOVED -> new WhereNowView(null, null, null, null, null, null, null, null, words);
            default -> new WhereNowView(null, null, null, null, null, null,
                    address == null ? null : address.city(), address == null ? null : address.state(), words);
        };
    }

    private static Collection<String> numbersOf(List<CustodyCase> members) {
        return members.stream().map(CustodyCase::caseNumber).toList();
    }
}
