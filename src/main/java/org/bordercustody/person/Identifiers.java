package org.bordercustody.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bordercustody.person.Identifier.Kind;

/** A person's identifiers: at most one A-number and one FIN, any number of travel documents. */
public record Identifiers(List<Identifier> all) {

    public static final Identifiers NONE = new Identifiers(List.of());

    public Identifiers {
        all = List.copyOf(all);
    }

    public Optional<String> aNumber() {
        return first(Kind.A_NUMBER);
    }

    public Optional<String> fin() {
        return first(Kind.FIN);
    }

    public List<Identifier> documents() {
        return all.stream().filter(identifier -> identifier.kind() == Kind.DOCUMENT).toList();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** These and the others, each once. */
    public Identifiers and(Identifiers others) {
        List<Identifier> joined = new ArrayList<>(all);
        others.all.stream().filter(identifier -> !joined.contains(identifier)).forEach(joined::add);
        return new Identifiers(joined);
    }

    private Optional<String> first(Kind kind) {
        return all.stream().filter(identifier -> identifier.kind() == kind).map(Identifier::value).findFirst();
    }
}
