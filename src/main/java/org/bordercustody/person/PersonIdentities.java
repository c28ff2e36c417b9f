package org.bordercustody.person;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bordercustody.person.Identifier.Kind;
import org.springframework.stereotype.Service;

/**
 * Use cases of people as such: who a set of identifiers names, a new person, identifiers given to a person, the
 * names an encounter is found by. Encounters joining and leaving people are the custody feature's (Encounters).
 */
@Service
public class PersonIdentities {

    private final PersonRepository people;
    private final EncounterNames names;

    public PersonIdentities(PersonRepository people, EncounterNames names) {
        this.people = people;
        this.names = names;
    }

    /**
     * The one known person the identifiers name, or empty when none is known. Identifiers that name two people are
     * refused: {@code fieldOf} says which field of the request carried each.
     */
    public Optional<UUID> identifiedBy(Identifiers identifiers, Function<Identifier, String> fieldOf) {
        Map<UUID, Identifier> owners = new LinkedHashMap<>();
        for (Identifier identifier : identifiers.all()) {
            Optional<UUID> owner = people.ownerOf(identifier);
            if (owner.isEmpty()) {
                continue;
            }
            if (!owners.isEmpty() && !owners.containsKey(owner.get())) {
                Identifier first = owners.values().iterator().next();
                throw new IdentifierConflictException(fieldOf.apply(identifier), "the " + identifier.words()
                        + " belongs to another person than the " + first.words() + " (" + fieldOf.apply(first)
                        + "); one of them is wrong");
            }
            owners.putIfAbsent(owner.get(), identifier);
        }
        return owners.keySet().stream().findFirst();
    }

    public UUID newPerson(Instant at) {
        return people.create(at);
    }

    /** The person an id names now (a merged person's id leads to the person they were found to be). */
    public Optional<UUID> current(UUID personId) {
        return people.current(personId);
    }

    public Identifiers identifiersOf(UUID personId) {
        return people.identifiersOf(personId);
    }

    public Map<UUID, Identifiers> identifiersOf(java.util.Collection<UUID> personIds) {
        return people.identifiersOf(personIds);
    }

    /**
     * Gives the person those of the identifiers they do not have yet, recorded in the encounter; an identifier of
     * another person, or a second A-number or FIN, is refused naming its field. Answers the identifiers added.
     */
    public Identifiers record(UUID personId, Identifiers identifiers, String caseNumber, Instant at, String by,
            Function<Identifier, String> fieldOf) {
        Identifiers known = people.identifiersOf(personId);
        java.util.List<Identifier> added = new java.util.ArrayList<>();
        for (Identifier identifier : identifiers.all()) {
            if (known.all().contains(identifier)) {
                continue;
            }
            Optional<UUID> owner = people.ownerOf(identifier);
            if (owner.isPresent()) {
                throw new IdentifierConflictException(fieldOf.apply(identifier),
                        "the " + identifier.words() + " belongs to another person");
            }
            Optional<String> held = identifier.kind() == Kind.A_NUMBER ? known.aNumber()
                    : identifier.kind() == Kind.FIN ? known.fin() : Optional.empty();
            if (held.isPresent()) {
                throw new IdentifierConflictException(fieldOf.apply(identifier), "this person's "
                        + identifier.kind().words() + " is " + held.get() + "; a person has one "
                        + identifier.kind().words());
            }
            people.add(personId, identifier, caseNumber, at, by);
            added.add(identifier);
        }
        return new Identifiers(added);
    }

    /**
     * Gives a person created just now the identifiers {@link #identifiedBy} found to be nobody's: nothing to check
     * but what the table's keys still refuse (the same identifier recorded for another person at the same moment).
     */
    public void recordOfNewPerson(UUID personId, Identifiers identifiers, String caseNumber, Instant at, String by) {
        identifiers.all().forEach(identifier -> people.add(personId, identifier, caseNumber, at, by));
    }

    /** The encounter is found by the names it recorded. */
    public void indexNames(String caseNumber, String familyName, String givenNames) {
        names.index(caseNumber, PersonName.of(familyName, givenNames));
    }
}
