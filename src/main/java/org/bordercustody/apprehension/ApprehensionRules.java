package org.bordercustody.apprehension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bordercustody.apprehension.Apprehension.Companion;
import org.bordercustody.apprehension.Apprehension.EncounteredPerson;
import org.bordercustody.identity.Sectors;
import org.bordercustody.person.Identifier;
import org.bordercustody.person.Identifiers;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The rules an apprehension must meet beyond its JSON shape: one unambiguous instant, believable dates, and
 * companions that refer to people of the same event without contradiction.
 */
@Component
public class ApprehensionRules {

    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofDays(30);
    static final int MAX_AGE_YEARS = 120;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Clock clock;
    private final Sectors sectors;

    public ApprehensionRules(Clock clock, Sectors sectors) {
        this.clock = clock;
        this.sectors = sectors;
    }

    public Apprehension check(ApprehensionRequest request) {
        if (sectors.find(request.location().sector()).isEmpty()) {
            throw new InvalidRequestException("location.sector", "'" + request.location().sector()
                    + "' is not a Border Patrol sector of the reference list (" + String.join(", ", sectors.codes().stream().sorted().toList()) + ")");
        }
        OffsetDateTime apprehendedAt = apprehensionInstant(request.apprehendedAt());
        List<ApprehensionRequest.Person> persons = request.persons();
        Map<String, Integer> indexByRef = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            if (indexByRef.putIfAbsent(persons.get(i).ref(), i) != null) {
                throw new InvalidRequestException(path(i, "ref"), "'" + persons.get(i).ref()
                        + "' is used by an earlier person; each person needs a ref of their own");
            }
        }
        List<EncounteredPerson> checked = new java.util.ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            ApprehensionRequest.Person person = persons.get(i);
            if (!COUNTRIES.contains(person.countryOfCitizenship())) {
                throw new InvalidRequestException(path(i, "countryOfCitizenship"),
                        "'" + person.countryOfCitizenship() + "' is not an ISO 3166 country code");
            }
            LocalDate dateOfBirth = dateOfBirth(person.dateOfBirth(), apprehendedAt, path(i, "dateOfBirth"));
            checked.add(new EncounteredPerson(person.ref(), person.familyName().strip(), person.givenNames().strip(),
                    dateOfBirth, person.sex(), person.countryOfCitizenship(), companions(i, person, indexByRef),
                    identifiers(i, person.identifiers())));
        }
        rejectSharedIdentifiers(checked);
        rejectParentCycles(checked);
        return new Apprehension(request.eventNumber(), apprehendedAt.toInstant(), apprehendedAt.getOffset(),
                request.location().sector(), request.location().station(), List.copyOf(checked));
    }

    private OffsetDateTime apprehensionInstant(String text) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("apprehendedAt",
                    "must be ISO-8601 with an explicit offset or Z, such as 2026-11-25T03:14:00-08:00");
        }
        Instant now = clock.instant();
        if (at.toInstant().isAfter(now.plus(MAX_FUTURE))) {
            throw new InvalidRequestException("apprehendedAt", "is more than 5 minutes in the future");
        }
        if (at.toInstant().isBefore(now.minus(MAX_AGE))) {
            throw new InvalidRequestException("apprehendedAt", "is more than 30 days in the past");
        }
        return at;
    }

    private static LocalDate dateOfBirth(String text, OffsetDateTime apprehendedAt, String field) {
        if (text == null) {
            return null;
        }
        LocalDate dateOfBirth;
        try {
            dateOfBirth = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date YYYY-MM-DD, or left out when unknown");
        }
        LocalDate apprehensionDay = apprehendedAt.toLocalDate();
        if (dateOfBirth.isAfter(apprehensionDay)) {
            throw new InvalidRequestException(field, "is after the apprehension");
        }
        if (dateOfBirth.isBefore(apprehensionDay.minusYears(MAX_AGE_YEARS))) {
            throw new InvalidRequestException(field, "is more than " + MAX_AGE_YEARS + " years before the apprehension");
        }
        return dateOfBirth;
    }

    private static Identifiers identifiers(int index, ApprehensionRequest.IdentifiersGiven given) {
        if (given == null) {
            return Identifiers.NONE;
        }
        List<Identifier> identifiers = new java.util.ArrayList<>();
        if (given.aNumber() != null) {
            identifiers.add(Identifier.aNumber(given.aNumber(), path(index, "identifiers.aNumber")));
        }
        if (given.fin() != null) {
            identifiers.add(Identifier.fin(given.fin(), path(index, "identifiers.fin")));
        }
        List<ApprehensionRequest.Document> documents = given.documentList();
        for (int d = 0; d < documents.size(); d++) {
            ApprehensionRequest.Document document = documents.get(d);
            Identifier parsed = Identifier.document(document.type(), document.number(), document.country(),
                    path(index, "identifiers.documents[" + d + "]"));
            if (identifiers.contains(parsed)) {
                throw new InvalidRequestException(path(index, "identifiers.documents[" + d + "]"),
                        "is listed twice");
            }
            identifiers.add(parsed);
        }
        return new Identifiers(identifiers);
    }

    /** One identifier is one person's: two people of one apprehension cannot both carry it. */
    private static void rejectSharedIdentifiers(List<EncounteredPerson> persons) {
        Map<Identifier, Integer> holder = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            for (Identifier identifier : persons.get(i).identifiers().all()) {
                Integer earlier = holder.putIfAbsent(identifier, i);
                if (earlier != null) {
                    throw new InvalidRequestException(path(i, "identifiers"), "the " + identifier.words()
                            + " is also given for persons[" + earlier + "]; an identifier belongs to one person");
                }
            }
        }
    }

    private static List<Companion> companions(int index, ApprehensionRequest.Person person,
            Map<String, Integer> indexByRef) {
        Set<String> seen = new HashSet<>();
        List<Companion> companions = new java.util.ArrayList<>();
        List<ApprehensionRequest.Companion> stated = person.companions();
        for (int c = 0; c < stated.size(); c++) {
            String ref = stated.get(c).ref();
            String field = path(index, "accompaniedBy[" + c + "].ref");
            if (ref.equals(person.ref())) {
                throw new InvalidRequestException(field, "a person cannot accompany themselves");
            }
            if (!indexByRef.containsKey(ref)) {
                throw new InvalidRequestException(field, "'" + ref + "' is not the ref of a person in this apprehension");
            }
            if (!seen.add(ref)) {
                throw new InvalidRequestException(field, "'" + ref + "' is listed twice");
            }
            companions.add(new Companion(ref, stated.get(c).relationship()));
        }
        return List.copyOf(companions);
    }

    /** Nobody can be, through parents or guardians, their own parent: such a family is contradictory. */
    private static void rejectParentCycles(List<EncounteredPerson> persons) {
        Map<String, List<String>> parentsOf = new HashMap<>();
        for (EncounteredPerson person : persons) {
            parentsOf.put(person.ref(), person.companions().stream()
                    .filter(companion -> companion.relationship().makesFamilyUnit())
                    .map(Companion::ref)
                    .toList());
        }
        for (int i = 0; i < persons.size(); i++) {
            String start = persons.get(i).ref();
            if (reaches(parentsOf, start, start, new HashSet<>())) {
                throw new InvalidRequestException(path(i, "accompaniedBy"),
                        "parent and guardian relationships form a cycle back to '" + start + "'");
            }
        }
    }

    private static boolean reaches(Map<String, List<String>> parentsOf, String from, String target, Set<String> seen) {
        for (String parent : parentsOf.getOrDefault(from, List.of())) {
            if (parent.equals(target) || seen.add(parent) && reaches(parentsOf, parent, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static String path(int index, String field) {
        return "persons[" + index + "]." + field;
    }
}
