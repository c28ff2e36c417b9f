package org.bordercustody.people;

import static org.bordercustody.custody.CustodyProcess.Variables.EARLIER_ENCOUNTERS;
import static org.bordercustody.custody.CustodyProcess.Variables.IDENTIFIERS_KNOWN;
import static org.bordercustody.custody.CustodyProcess.Variables.PROBABLE_MATCH;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.Encounters;
import org.bordercustody.custody.ProbableMatchRepository;
import org.bordercustody.custody.ShownOnForms;
import org.bordercustody.person.Identifier;
import org.bordercustody.person.Identifiers;
import org.bordercustody.person.PersonIdentities;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who the person is, on every form: the identifiers on record, the earlier encounters (when, where, how they ended,
 * a missed check-in), and at intake the earlier encounter they probably are, asked as "Same person as ...?".
 */
@Component
@Order(5)
class EncountersShownOnForms implements ShownOnForms {

    private final Encounters encounters;
    private final ProbableMatchRepository probableMatches;
    private final CustodyCaseRepository cases;
    private final PersonIdentities people;
    private final WhereNow whereNow;

    EncountersShownOnForms(Encounters encounters, ProbableMatchRepository probableMatches,
            CustodyCaseRepository cases, PersonIdentities people, WhereNow whereNow) {
        this.encounters = encounters;
        this.probableMatches = probableMatches;
        this.cases = cases;
        this.people = people;
        this.whereNow = whereNow;
    }

    @Override
    public void addTo(CustodyCase custodyCase, Map<String, Object> processData, Map<String, Object> shown) {
        List<CustodyCase> earlier = encounters.earlier(custodyCase);
        if (!earlier.isEmpty()) {
            shown.put(EARLIER_ENCOUNTERS, String.join("; ", whereNow.of(earlier).stream()
                    .map(WhereNow.Encounter::words).toList()));
        }
        Identifiers identifiers = people.identifiersOf(custodyCase.personId());
        if (!identifiers.isEmpty()) {
            shown.put(IDENTIFIERS_KNOWN, String.join(", ", identifiers.all().stream().map(Identifier::words).toList()));
        }
        probableMatches.of(custodyCase.caseNumber())
                .filter(match -> match.answer() == null)
                .flatMap(match -> cases.find(match.earlierCaseNumber()))
                .ifPresent(match -> shown.put(PROBABLE_MATCH, match.displayName() + ", born " + match.dateOfBirth()
                        + ", " + new Locale("", match.countryOfCitizenship()).getDisplayCountry(Locale.ENGLISH)
                        + ", apprehended " + whereNow.of(List.of(match)).get(0).words()));
    }
}
