package org.bordercustody.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bordercustody.person.Identifier;
import org.bordercustody.person.IdentifierConflictException;
import org.bordercustody.person.Identifiers;
import org.bordercustody.person.PersonIdentities;
import org.bordercustody.person.PersonName;
import org.bordercustody.person.PersonRepository;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of a person's encounters: which earlier ones a case has, who is held in an open case, an encounter that
 * is found to be a known person's (by an identifier, or by an agent confirming a probable match) and the undoing of
 * a wrong link, and a released person's check-in wait that ends because they were apprehended again.
 */
@Service
public class Encounters {

    /** How an encounter came to be a known person's. */
    public static final String BY_IDENTIFIER = "IDENTIFIER";
    public static final String BY_CONFIRMED_MATCH = "CONFIRMED_MATCH";
    public static final String UNDONE = "UNDONE";
    private static final int MATCH_CANDIDATES = 200;

    private final CustodyCaseRepository cases;
    private final PersonIdentities people;
    private final PersonRepository persons;
    private final ProbableMatchRepository probableMatches;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public Encounters(CustodyCaseRepository cases, PersonIdentities people, PersonRepository persons,
            ProbableMatchRepository probableMatches, Timeline timeline, RuntimeService runtimeService, Clock clock) {
        this.cases = cases;
        this.people = people;
        this.persons = persons;
        this.probableMatches = probableMatches;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** The person's encounters before this one, the newest first. */
    public List<CustodyCase> earlier(CustodyCase custodyCase) {
        return cases.findByPerson(custodyCase.personId()).stream()
                .filter(other -> isBefore(other, custodyCase))
                .toList();
    }

    /** The person's case in which they are held now (by CBP, ICE or ORR), other than the one given. */
    public Optional<CustodyCase> heldIn(UUID personId, String exceptCaseNumber) {
        return cases.findByPerson(personId).stream()
                .filter(other -> other.status().isInCustody() && !other.caseNumber().equals(exceptCaseNumber))
                .findFirst();
    }

    /** Refuses a second open case of a person: answers which case holds them, in words the refusal names. */
    public void refuseSecondOpenCase(UUID personId, String exceptCaseNumber, String field) {
        heldIn(personId, exceptCaseNumber).ifPresent(open -> {
            throw new IdentifierConflictException(field, "this person is held in open case " + open.caseNumber()
                    + " (" + heldWhere(open) + "); one person cannot be in two open cases");
        });
    }

    /**
     * An earlier encounter of another person recorded with the same date of birth and citizenship and a name equal
     * but for accents, case, order and one typo per name: probably this person, never joined without an agent.
     */
    public Optional<CustodyCase> probablySame(CustodyCase custodyCase) {
        if (custodyCase.dateOfBirth() == null) {
            return Optional.empty();
        }
        PersonName name = PersonName.of(custodyCase.familyName(), custodyCase.givenNames());
        List<CustodyCase> named = cases.findBorn(custodyCase.dateOfBirth(), custodyCase.countryOfCitizenship(),
                        MATCH_CANDIDATES).stream()
                .filter(other -> !other.eventNumber().equals(custodyCase.eventNumber()))
                .filter(other -> !other.personId().equals(custodyCase.personId()))
                .filter(other -> PersonName.of(other.familyName(), other.givenNames()).probablySameAs(name))
                .toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        // Another A-number or another FIN (other fingerprints) is another person, whatever the name.
        Identifiers ours = persons.identifiersOf(custodyCase.personId());
        var theirs = people.identifiersOf(named.stream().map(CustodyCase::personId).toList());
        return named.stream()
                .filter(other -> !differ(ours, theirs.getOrDefault(other.personId(), Identifiers.NONE)))
                .findFirst();
    }

    /** Asks the agent at intake whether this new, unidentified person is an earlier encounter's. */
    public void askIfProbablySame(CustodyCase custodyCase) {
        probablySame(custodyCase).ifPresent(earlier -> probableMatches.ask(custodyCase.caseNumber(),
                earlier.caseNumber()));
    }

    /**
     * What intake found out about who the person is: the agent's answer to a probable match, and the identifiers
     * captured. An identifier of a known person makes this encounter theirs; refusals name the form's field.
     */
    public void identify(String caseNumber, String samePersonAnswer, Identifiers captured,
            Function<Identifier, String> fieldOf, String actor) {
        try {
            identifyOrConflict(caseNumber, samePersonAnswer, captured, fieldOf, actor);
        } catch (IdentifierConflictException e) {
            throw new InvalidRequestException(e.field(), e.reason());
        }
    }

    private void identifyOrConflict(String caseNumber, String samePersonAnswer, Identifiers captured,
            Function<Identifier, String> fieldOf, String actor) {
        Optional<ProbableMatchRepository.ProbableMatch> match = probableMatches.of(caseNumber)
                .filter(asked -> asked.answer() == null);
        if (match.isPresent()) {
            if (samePersonAnswer == null) {
                throw new InvalidRequestException(CustodyProcess.Variables.SAME_PERSON_AS_EARLIER, "is required: say whether this is the person"
                        + " of case " + match.get().earlierCaseNumber());
            }
            boolean same = ProbableMatchRepository.SAME_PERSON.equals(samePersonAnswer);
            if (same) {
                CustodyCase earlier = cases.get(match.get().earlierCaseNumber());
                join(caseNumber, earlier.personId(), BY_CONFIRMED_MATCH, null, actor, CustodyProcess.Variables.SAME_PERSON_AS_EARLIER);
            }
            // Who answered and when is kept with the question; a "yes" is on the timeline as the link it makes.
            probableMatches.answer(caseNumber, samePersonAnswer, actor, clock.instant());
        }
        Optional<UUID> owner = people.identifiedBy(captured, fieldOf);
        if (owner.isPresent() && !owner.get().equals(cases.get(caseNumber).personId())) {
            Identifier theirs = captured.all().stream()
                    .filter(identifier -> persons.ownerOf(identifier).equals(owner)).findFirst().orElseThrow();
            join(caseNumber, owner.get(), BY_IDENTIFIER, "the " + theirs.words() + " is theirs", actor,
                    fieldOf.apply(theirs));
        }
        Identifiers added = people.record(cases.get(caseNumber).personId(), captured, caseNumber, clock.instant(),
                actor, fieldOf);
        if (!added.isEmpty()) {
            timeline.record(caseNumber, "IDENTIFIERS_RECORDED", "Identifiers recorded: " + String.join(", ",
                    added.all().stream().map(Identifier::words).toList()), actor);
        }
    }


    /**
     * The encounter is found to be another known person's: the person it was recorded as, with all their
     * encounters and identifiers, is that person from now on, unless that person is held in another open case or
     * their A-number or FIN differ. A released person waiting for their check-in was apprehended again.
     */
    public void join(String caseNumber, UUID target, String how, String reason, String actor, String field) {
        CustodyCase custodyCase = cases.get(caseNumber);
        UUID before = custodyCase.personId();
        if (before.equals(target)) {
            return;
        }
        lockInOrder(before, target);
        refuseSecondOpenCase(target, caseNumber, field);
        Identifiers ours = persons.identifiersOf(before);
        Identifiers theirs = persons.identifiersOf(target);
        if (differ(ours, theirs)) {
            throw new IdentifierConflictException(field, "the person of case " + caseNumber + " and the person"
                    + " found have different A-numbers or FINs; they cannot be one person");
        }
        List<CustodyCase> theirEncounters = cases.findByPerson(target);
        cases.moveEncounters(before, target);
        persons.moveIdentifiers(before, target);
        persons.mergeInto(before, target);
        Instant now = clock.instant();
        persons.recordLink(new PersonRepository.Link(caseNumber, before, target, how, reason, actor, now));
        timeline.record(caseNumber, "PERSON_LINKED", sameAs(theirEncounters, BY_IDENTIFIER.equals(how) ? reason
                : "confirmed by " + actor), actor);
        theirEncounters.stream().findFirst().ifPresent(latest -> timeline.record(latest.caseNumber(),
                "APPREHENDED_AGAIN", "Apprehended again on " + CustodyProcessStarter.shown(
                        custodyCase.apprehendedAt()) + " as case " + caseNumber, actor));
        if (custodyCase.status().isInCustody()) {
            endCheckInWaits(target, caseNumber);
        }
    }

    /**
     * A new encounter recorded as a known person's, by an identifier of theirs: a link a supervisor can undo, on the
     * timeline as a link found at intake is, so that partners learn of it alike (encounter-linked, with no person
     * before it).
     */
    public void recordedAsKnownPerson(String caseNumber, UUID personId, List<CustodyCase> earlier, String actor) {
        String reason = "identified at apprehension";
        persons.recordLink(new PersonRepository.Link(caseNumber, null, personId, BY_IDENTIFIER, reason, actor,
                clock.instant()));
        timeline.record(caseNumber, "PERSON_LINKED", sameAs(earlier, reason), actor);
    }

    private static String sameAs(List<CustodyCase> theirEncounters, String why) {
        return "The same person as in case" + (theirEncounters.size() == 1 ? " " : "s ")
                + String.join(", ", theirEncounters.stream().map(CustodyCase::caseNumber).toList()) + " (" + why
                + "); the encounters are one person's";
    }

    /**
     * A supervisor undoes a wrong link: the encounter returns to the person it was before (a person of its own when
     * it was recorded as the known person's), with the identifiers first recorded in it. Both stay on the timeline.
     */
    @Transactional
    public Undone undoLink(String caseNumber, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "is required: say why the link is wrong");
        }
        if (reason.length() > 1000) {
            throw new InvalidRequestException("reason", "must be at most 1000 characters");
        }
        CustodyCase custodyCase = cases.get(caseNumber);
        PersonRepository.Link link = persons.latestLink(caseNumber)
                .filter(latest -> !UNDONE.equals(latest.how()))
                .orElseThrow(() -> new org.bordercustody.system.ConflictException("case " + caseNumber
                        + " was not linked to another person's encounters; there is nothing to undo"));
        UUID from = custodyCase.personId();
        UUID to = link.personBefore() != null ? link.personBefore() : persons.create(clock.instant());
        lockInOrder(from, to);
        persons.unmerge(to);
        cases.movePerson(caseNumber, to);
        persons.moveIdentifiersRecordedIn(caseNumber, to);
        Instant now = clock.instant();
        persons.recordLink(new PersonRepository.Link(caseNumber, from, to, UNDONE, reason.strip(), actor, now));
        List<CustodyCase> others = cases.findByPerson(from);
        timeline.record(caseNumber, "PERSON_LINK_UNDONE", "Not the same person as in case" + (others.size() == 1
                ? " " : "s ") + String.join(", ", others.stream().map(CustodyCase::caseNumber).toList())
                + ": the link of " + CustodyProcessStarter.shown(link.decidedAt()) + " is undone; " + reason.strip(),
                actor);
        others.stream().findFirst().ifPresent(latest -> timeline.record(latest.caseNumber(), "LINK_UNDONE_ELSEWHERE",
                "Case " + caseNumber + " is not this person's encounter after all; " + reason.strip(), actor));
        return new Undone(to, from);
    }

    /** The person an encounter is now, after an undone link, and the one it was linked to. */
    public record Undone(UUID personId, UUID previousPersonId) {
    }

    /**
     * The person was apprehended again as the given case: each earlier release of theirs still waiting for the
     * check-in ends as re-encountered, through its process when it waits for that (or at once when it does not).
     */
    public void endCheckInWaits(UUID personId, String newCaseNumber) {
        for (CustodyCase waiting : cases.findByPerson(personId)) {
            if (waiting.caseNumber().equals(newCaseNumber) || !waiting.status().isAwaitingCheckIn()) {
                continue;
            }
            boolean correlated = !runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.PERSON_RE_ENCOUNTERED)
                    .processInstanceBusinessKey(waiting.caseNumber())
                    .correlateAllWithResult().isEmpty();
            if (!correlated) {
                recordReEncountered(waiting.caseNumber());
            }
        }
    }

    /** Called by the process when a released person waiting for the check-in is apprehended again. */
    public void recordReEncountered(String caseNumber) {
        CustodyCase released = cases.get(caseNumber);
        if (!released.status().isAwaitingCheckIn()) {
            return;
        }
        Optional<CustodyCase> again = cases.findByPerson(released.personId()).stream()
                .filter(other -> !isBefore(other, released) && !other.caseNumber().equals(caseNumber))
                .findFirst();
        boolean missed = released.status() == CaseStatus.CHECK_IN_OVERDUE;
        cases.recordReEncountered(caseNumber);
        String newCase = again.map(c -> "case " + c.caseNumber() + " on " + CustodyProcessStarter.shown(c.apprehendedAt()))
                .orElse("a new case");
        timeline.record(caseNumber, "RE_ENCOUNTERED", (missed
                ? "Located: apprehended again as " + newCase + "; the missed check-in stays on record"
                : "Apprehended again as " + newCase + " before reporting to ICE: the check-in wait ends, not missed"),
                Timeline.SYSTEM_ACTOR);
        again.ifPresent(c -> timeline.record(c.caseNumber(), "EARLIER_RELEASE_ENDED", "Earlier release of case "
                + caseNumber + (missed ? " had missed its check-in" : " was waiting for its check-in")
                + "; that wait ends as re-encountered", Timeline.SYSTEM_ACTOR));
    }

    /** Where a person held in a case is, in words. */
    static String heldWhere(CustodyCase open) {
        return switch (open.status()) {
            case IN_CBP_CUSTODY -> "in CBP custody at station " + open.station() + ", sector " + open.sector();
            case TRANSFERRED_TO_ICE -> "in ICE custody";
            case TRANSFERRED_TO_ORR -> "in HHS ORR care";
            default -> open.status().name();
        };
    }

    private static boolean differ(Identifiers ours, Identifiers theirs) {
        return ours.aNumber().isPresent() && theirs.aNumber().isPresent() && !ours.aNumber().equals(theirs.aNumber())
                || ours.fin().isPresent() && theirs.fin().isPresent() && !ours.fin().equals(theirs.fin());
    }

    private void lockInOrder(UUID first, UUID second) {
        List.of(first, second).stream().sorted(Comparator.naturalOrder()).forEach(persons::lock);
    }

    private static boolean isBefore(CustodyCase other, CustodyCase custodyCase) {
        int byTime = other.apprehendedAt().compareTo(custodyCase.apprehendedAt());
        return !other.caseNumber().equals(custodyCase.caseNumber())
                && (byTime < 0 || byTime == 0 && other.caseNumber().compareTo(custodyCase.caseNumber()) < 0);
    }
}
