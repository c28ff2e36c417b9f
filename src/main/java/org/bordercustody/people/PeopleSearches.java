package org.bordercustody.people;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bordercustody.custody.CaseAccess;
import org.bordercustody.custody.CaseNotFoundException;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.Encounters;
import org.bordercustody.identity.CustodyGroups;
import org.bordercustody.custody.Timeline;
import org.bordercustody.people.PersonViews.Document;
import org.bordercustody.people.PersonViews.EncounterView;
import org.bordercustody.people.PersonViews.EncounterWithTimeline;
import org.bordercustody.people.PersonViews.Found;
import org.bordercustody.people.PersonViews.IdentifiersView;
import org.bordercustody.people.PersonViews.PersonFound;
import org.bordercustody.people.PersonViews.PersonPage;
import org.bordercustody.person.EncounterNames;
import org.bordercustody.person.EncounterNames.Born;
import org.bordercustody.person.Identifier;
import org.bordercustody.person.Identifiers;
import org.bordercustody.person.PersonIdentities;
import org.bordercustody.person.PersonName;
import org.bordercustody.person.PersonRepository;
import org.bordercustody.system.InvalidRequestException;
import org.bordercustody.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people: by name (in any order, without accents or case, one typo per name), date of birth or year, A-number,
 * FIN, travel document, event or case number, every criterion given holding; best match first. A caller finds only
 * the encounters they may read, and a person of none of them is not found, exactly as one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class PeopleSearches {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_CRITERION_LENGTH = 100;
    /** Encounters read for one search at most, before matching and ranking. */
    static final int CANDIDATES = 200;
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9-]{1,40}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    /** What was asked, as GET /api/people takes it. */
    /** A case number no case has (case numbers have no blank). */
    private static final List<String> NO_CASE = List.of(" ");

    public record Criteria(String name, String dateOfBirth, String aNumber, String fin, String document, String number,
            String limit) {
    }

    private final CustodyCaseRepository cases;
    private final PersonRepository persons;
    private final PersonIdentities people;
    private final EncounterNames names;
    private final CaseAccess access;
    private final WhereNow whereNow;
    private final Timeline timeline;

    PeopleSearches(CustodyCaseRepository cases, PersonRepository persons, PersonIdentities people, EncounterNames names,
            CaseAccess access, WhereNow whereNow, Timeline timeline) {
        this.cases = cases;
        this.persons = persons;
        this.people = people;
        this.names = names;
        this.access = access;
        this.whereNow = whereNow;
        this.timeline = timeline;
    }

    /** A checked search: each criterion parsed, null when not given. */
    private record Search(PersonName name, Born born, boolean bornOnDay, Identifier aNumber, Identifier fin,
            String document, String number, int limit) {
    }

    public Found search(Criteria criteria, Authentication caller) {
        Search search = checked(criteria);
        List<CustodyCase> encounters = candidates(search).stream()
                .filter(encounter -> access.mayRead(encounter, caller))
                .toList();
        Map<UUID, List<CustodyCase>> byPerson = encounters.stream()
                .collect(Collectors.groupingBy(CustodyCase::personId, java.util.LinkedHashMap::new, Collectors.toList()));
        Map<UUID, Identifiers> identifiers = people.identifiersOf(byPerson.keySet());
        List<Ranked> ranked = new ArrayList<>();
        byPerson.forEach((personId, theirs) -> rank(search, theirs, identifiers.getOrDefault(personId,
                Identifiers.NONE)).ifPresent(ranked::add));
        ranked.sort(Comparator.naturalOrder());
        List<PersonFound> found = new ArrayList<>();
        for (Ranked match : ranked.subList(0, Math.min(search.limit(), ranked.size()))) {
            List<CustodyCase> theirs = byPerson.get(match.personId());
            CustodyCase newest = theirs.get(0);
            Identifiers known = identifiers.getOrDefault(match.personId(), Identifiers.NONE);
            found.add(new PersonFound(match.personId(), newest.familyName(), newest.givenNames(), newest.dateOfBirth(),
                    newest.sex(), newest.countryOfCitizenship(), countryName(newest.countryOfCitizenship()),
                    known.aNumber().orElse(null),
                    known.fin().orElse(null), views(theirs)));
        }
        return new Found(found);
    }

    /** The person with every encounter the caller may read, each with its timeline; a person of none: 404. */
    public PersonPage person(String personIdText, Authentication caller) {
        UUID asked;
        try {
            asked = UUID.fromString(personIdText);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("personId", "must be a person id as the search answers it");
        }
        UUID personId = people.current(asked).orElseThrow(() -> new NotFoundException("no person " + personIdText));
        List<CustodyCase> theirs = cases.findByPerson(personId).stream()
                .filter(encounter -> access.mayRead(encounter, caller))
                .toList();
        if (theirs.isEmpty()) {
            throw new NotFoundException("no person " + personIdText);
        }
        CustodyCase newest = theirs.get(0);
        Identifiers known = people.identifiersOf(personId);
        List<EncounterView> views = views(theirs);
        List<EncounterWithTimeline> encounters = views.stream()
                .map(view -> new EncounterWithTimeline(view, timeline.of(view.caseNumber()),
                        persons.latestLink(view.caseNumber()).filter(link -> !Encounters.UNDONE.equals(link.how()))
                                .isPresent()))
                .toList();
        boolean supervisor = caller.getAuthorities().stream()
                .anyMatch(authority -> CustodyGroups.BORDER_PATROL_SUPERVISOR.equals(authority.getAuthority()));
        return new PersonPage(personId, newest.familyName(), newest.givenNames(), newest.dateOfBirth(), newest.sex(),
                newest.countryOfCitizenship(), countryName(newest.countryOfCitizenship()),
                new IdentifiersView(known.aNumber().orElse(null), known.fin().orElse(null),
                        known.documents().stream().map(document -> new Document(document.documentType(),
                                document.documentNumber(), document.documentCountry(), document.words())).toList()),
                encounters, supervisor);
    }

    private static String countryName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    private List<EncounterView> views(List<CustodyCase> encounters) {
        return whereNow.of(encounters).stream()
                .map(encounter -> {
                    CustodyCase c = encounter.custodyCase();
                    return new EncounterView(c.caseNumber(), c.eventNumber(), c.apprehendedAt(), c.sector(),
                            c.station(), c.status().name(), encounter.whereNow(), encounter.missedCheckIn(),
                            c.familyName(), c.givenNames(), c.dateOfBirth());
                })
                .toList();
    }

    /**
     * Every encounter of the people worth reading for the search, from its most selective criterion, in one query
     * (two for a name): a person the caller may not read costs what nobody costs.
     */
    private List<CustodyCase> candidates(Search search) {
        if (search.aNumber() != null || search.fin() != null) {
            Identifier identifier = search.aNumber() != null ? search.aNumber() : search.fin();
            return cases.findOfPersonHolding(identifier.kind().name(), identifier.value());
        }
        if (search.document() != null) {
            return cases.findOfPeopleHoldingDocumentNumber(search.document());
        }
        if (search.number() != null) {
            return cases.findOfPeopleNumbered(search.number());
        }
        List<String> encounters = search.name() != null
                ? names.casesNamed(search.name(), search.born(), null, CANDIDATES)
                : names.casesBorn(search.born(), null, CANDIDATES);
        // Read even when no name matched, so that a search whose people the caller may not read costs the same.
        return cases.findOfPeopleOf(encounters.isEmpty() ? NO_CASE : encounters);
    }

    /** How well a person matches: fewer typos, fewer names not asked for, the day of birth, the newest encounter. */
    private record Ranked(UUID personId, int typos, int unaskedNames, boolean dayOfBirthDiffers, String newestCase)
            implements Comparable<Ranked> {

        @Override
        public int compareTo(Ranked other) {
            return Comparator.comparingInt(Ranked::typos)
                    .thenComparingInt(Ranked::unaskedNames)
                    .thenComparing(Ranked::dayOfBirthDiffers)
                    .thenComparing(Ranked::newestCase, Comparator.reverseOrder())
                    .thenComparing(Ranked::personId)
                    .compare(this, other);
        }
    }

    private static Optional<Ranked> rank(Search search, List<CustodyCase> encounters, Identifiers identifiers) {
        if (search.aNumber() != null && !identifiers.aNumber().equals(Optional.of(search.aNumber().value()))
                || search.fin() != null && !identifiers.fin().equals(Optional.of(search.fin().value()))
                || search.document() != null && identifiers.documents().stream()
                        .noneMatch(document -> document.documentNumber().equals(search.document()))
                || search.number() != null && encounters.stream().noneMatch(encounter ->
                        encounter.caseNumber().equals(search.number()) || encounter.eventNumber().equals(search.number()))) {
            return Optional.empty();
        }
        Predicate<CustodyCase> born = encounter -> search.born() == null || encounter.dateOfBirth() != null
                && !encounter.dateOfBirth().isBefore(search.born().from())
                && !encounter.dateOfBirth().isAfter(search.born().to());
        Integer bestTypos = null;
        int unasked = 0;
        for (CustodyCase encounter : encounters) {
            if (!born.test(encounter)) {
                continue;
            }
            if (search.name() == null) {
                bestTypos = 0;
                break;
            }
            PersonName recorded = PersonName.of(encounter.familyName(), encounter.givenNames());
            Integer typos = recorded.typosToFind(search.name());
            if (typos != null && (bestTypos == null || typos < bestTypos)) {
                bestTypos = typos;
                unasked = recorded.parts().size() - search.name().parts().size();
            }
        }
        if (bestTypos == null) {
            return Optional.empty();
        }
        return Optional.of(new Ranked(encounters.get(0).personId(), bestTypos, unasked, !search.bornOnDay(),
                encounters.get(0).caseNumber()));
    }

    private static Search checked(Criteria criteria) {
        String name = criterion(criteria.name(), "name");
        String dateOfBirth = criterion(criteria.dateOfBirth(), "dateOfBirth");
        String aNumber = criterion(criteria.aNumber(), "aNumber");
        String fin = criterion(criteria.fin(), "fin");
        String document = criterion(criteria.document(), "document");
        String number = criterion(criteria.number(), "number");
        if (name == null && dateOfBirth == null && aNumber == null && fin == null && document == null
                && number == null) {
            throw new InvalidRequestException("name", "give at least one of name, dateOfBirth, aNumber, fin,"
                    + " document and number");
        }
        PersonName parsedName = null;
        if (name != null) {
            parsedName = PersonName.parse(name);
            if (parsedName.isEmpty() || !name.chars().allMatch(c -> Character.isLetter(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK || "-'’.".indexOf(c) >= 0)) {
                throw new InvalidRequestException("name", "must be names: letters, spaces, hyphens, apostrophes");
            }
        }
        Born born = null;
        boolean onDay = false;
        if (dateOfBirth != null) {
            if (YEAR.matcher(dateOfBirth).matches()) {
                born = Born.in(Integer.parseInt(dateOfBirth));
            } else {
                try {
                    born = Born.on(LocalDate.parse(dateOfBirth));
                    onDay = true;
                } catch (DateTimeParseException e) {
                    throw new InvalidRequestException("dateOfBirth", "must be YYYY-MM-DD or YYYY");
                }
            }
        }
        if (number != null && !NUMBER.matcher(number).matches()) {
            throw new InvalidRequestException("number", "must be an event or case number: A-Z, 0-9 and -");
        }
        if (document != null) {
            document = document.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            if (!document.matches("[A-Z0-9]{3,30}")) {
                throw new InvalidRequestException("document", "must be a document number: 3 to 30 letters and digits");
            }
        }
        return new Search(parsedName, born, onDay,
                aNumber == null ? null : Identifier.aNumber(aNumber, "aNumber"),
                fin == null ? null : Identifier.fin(fin, "fin"),
                document, number, limit(criteria.limit()));
    }

    private static String criterion(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_CRITERION_LENGTH) {
            throw new InvalidRequestException(field, "must be at most " + MAX_CRITERION_LENGTH + " characters");
        }
        return value.strip();
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

}
