package org.bordercustody.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bordercustody.custody.CaseRecorded;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.LegalClock;
import org.bordercustody.family.Separation;
import org.bordercustody.family.SeparationRepository;
import org.bordercustody.person.Identifiers;
import org.bordercustody.person.PersonIdentities;
import org.bordercustody.person.PersonRepository;
import org.bordercustody.release.IntendedAddress;
import org.bordercustody.release.ReleaseRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The hand-offs partner systems learn of, one CloudEvent each, written in the transaction of the change: the
 * timeline entry that records the change publishes {@link CaseRecorded} in that transaction, and this writes the
 * event beside it. No event without its change, no change without its event. Who may read an event is decided here:
 * ICE what ICE needs; HHS ORR children's events only, never an adult's personal data.
 */
@Component
class PartnerEvents {

    static final String TYPE_PREFIX = "gov.dhs.border-custody.case.";
    /** Every type of event, each with its JSON Schema and an example in docs/events/. */
    static final List<String> TYPES = List.of("apprehended", "family-status-determined", "uac-referral",
            "orr-placement-designated", "transferred-to-orr", "custody-limit-breached", "released", "transferred-to-ice",
            "check-in-recorded", "check-in-missed", "removed", "identifiers-recorded", "encounter-linked",
            "re-encountered", "family-separated", "family-reunified");

    private final PartnerEventFeed feed;
    private final CustodyCaseRepository cases;
    private final ReleaseRepository releases;
    private final ObjectMapper json;

    private final PersonIdentities people;
    private final PersonRepository persons;
    private final SeparationRepository separations;

    PartnerEvents(PartnerEventFeed feed, CustodyCaseRepository cases, ReleaseRepository releases, ObjectMapper json,
            PersonIdentities people, PersonRepository persons, SeparationRepository separations) {
        this.separations = separations;
        this.people = people;
        this.persons = persons;
        this.feed = feed;
        this.cases = cases;
        this.releases = releases;
        this.json = json;
    }

    /** Who reads an event of a kind about this person. */
    private record Audience(boolean ice, boolean orr) {
    }

    /** The timeline entries that are hand-offs a partner learns of. */
    static final Set<String> HAND_OFFS = Set.of("APPREHENDED", "FAMILY_STATUS_DECIDED", "PLACEMENT_DECIDED",
            "ORR_PLACEMENT_DESIGNATED", "TRANSFERRED_TO_ORR", "CLOCK_BREACHED", "RELEASED", "TRANSFERRED_TO_ICE",
            "CHECKED_IN", "REMOVED", "RETURNED", "IDENTIFIERS_RECORDED", "PERSON_LINKED", "PERSON_LINK_UNDONE",
            "RE_ENCOUNTERED", "FAMILY_SEPARATED", "FAMILY_REUNIFIED");

    @EventListener
    void on(CaseRecorded recorded) {
        if (!HAND_OFFS.contains(recorded.type())) {
            return;
        }
        CustodyCase person = cases.get(recorded.caseNumber());
        boolean checkIn = LegalClock.CHECK_IN.name().equals(recorded.clock());
        String type;
        Audience audience;
        switch (recorded.type()) {
            case "APPREHENDED" -> {
                type = "apprehended";
                audience = new Audience(false, isUnaccompaniedChild(person));
            }
            case "FAMILY_STATUS_DECIDED" -> {
                type = "family-status-determined";
                audience = new Audience(true, isChild(person));
            }
            case "PLACEMENT_DECIDED" -> {
                if (!"TRANSFER_TO_HHS_ORR".equals(person.placement())) {
                    return;
                }
                type = "uac-referral";
                audience = new Audience(false, true);
            }
            case "ORR_PLACEMENT_DESIGNATED" -> {
                type = "orr-placement-designated";
                audience = new Audience(false, true);
            }
            case "TRANSFERRED_TO_ORR" -> {
                type = "transferred-to-orr";
                audience = new Audience(false, true);
            }
            case "CLOCK_BREACHED" -> {
                type = checkIn ? "check-in-missed" : "custody-limit-breached";
                audience = checkIn ? new Audience(true, false) : new Audience(!isChild(person) || isFamily(person),
                        isChild(person));
            }
            case "RELEASED" -> {
                type = "released";
                audience = new Audience(true, false);
            }
            case "TRANSFERRED_TO_ICE" -> {
                type = "transferred-to-ice";
                audience = new Audience(true, false);
            }
            case "CHECKED_IN" -> {
                type = "check-in-recorded";
                audience = new Audience(true, false);
            }
            case "IDENTIFIERS_RECORDED" -> {
                type = "identifiers-recorded";
                audience = new Audience(!isUnaccompaniedChild(person), isChild(person));
            }
            case "PERSON_LINKED", "PERSON_LINK_UNDONE" -> {
                type = "encounter-linked";
                audience = new Audience(!isUnaccompaniedChild(person), isChild(person));
            }
            case "RE_ENCOUNTERED" -> {
                type = "re-encountered";
                audience = new Audience(true, false);
            }
            case "FAMILY_SEPARATED", "FAMILY_REUNIFIED" -> {
                // ORR reads the child's side, with what it needs of the parent to reunify them; ICE both sides.
                type = recorded.type().equals("FAMILY_SEPARATED") ? "family-separated" : "family-reunified";
                audience = new Audience(true, isChild(person));
            }
            default -> { // REMOVED, RETURNED
                type = "removed";
                audience = new Audience(true, isChild(person));
            }
        }
        store(recorded, type, audience, data(recorded, type, person));
    }

    private ObjectNode data(CaseRecorded recorded, String type, CustodyCase person) {
        ObjectNode data = json.createObjectNode().put("caseNumber", person.caseNumber())
                .put("eventNumber", person.eventNumber())
                .put("personId", person.personId().toString());
        Identifiers identifiers = people.identifiersOf(person.personId());
        identifiers.aNumber().ifPresent(aNumber -> data.put("aNumber", aNumber));
        identifiers.fin().ifPresent(fin -> data.put("fin", fin));
        switch (type) {
            case "apprehended", "family-status-determined" -> addPerson(data, person);
            case "custody-limit-breached", "check-in-missed" -> data.put("clock", recorded.clock());
            case "identifiers-recorded" -> {
                var documents = data.putArray("documents");
                identifiers.documents().forEach(document -> documents.addObject().put("type", document.documentType())
                        .put("number", document.documentNumber()).put("country", document.documentCountry()));
            }
            case "encounter-linked" -> persons.latestLink(person.caseNumber()).ifPresent(link -> {
                data.put("previousPersonId", link.personBefore() == null ? null : link.personBefore().toString());
                data.put("undone", "UNDONE".equals(link.how()));
            });
            case "family-separated" -> {
                List<Separation> separated = separations.findOfCase(person.caseNumber()).stream()
                        .filter(separation -> separation.reunifiedAt() == null).toList();
                Separation latest = separated.get(separated.size() - 1);
                data.put("reason", latest.reason().name()).put("note", latest.note())
                        .put("decidedBy", latest.decidedBy());
                addSeparatedFrom(data, person, separated.stream().filter(s -> s.decidedAt().equals(latest.decidedAt()))
                        .toList());
            }
            case "uac-referral" -> {
                addPerson(data, person);
                List<Separation> separated = separations.findOfCase(person.caseNumber()).stream()
                        .filter(separation -> separation.childCaseNumber().equals(person.caseNumber())
                                && separation.reunifiedAt() == null).toList();
                if (!separated.isEmpty()) {
                    addSeparatedFrom(data, person, separated);
                }
            }
            case "family-reunified" -> separations.findOfCase(person.caseNumber()).stream()
                    .filter(separation -> separation.reunifiedAt() != null)
                    .max(java.util.Comparator.comparing(Separation::reunifiedAt))
                    .ifPresent(separation -> {
                        String other = separation.childCaseNumber().equals(person.caseNumber())
                                ? separation.parentCaseNumber() : separation.childCaseNumber();
                        data.set("reunifiedWith", personRef(cases.get(other)));
                        data.put("separatedAt", separation.decidedAt().toString())
                                .put("reunifiedAt", separation.reunifiedAt().toString());
                    });
            case "released" -> {
                Optional<IntendedAddress> address = releases.addressOf(person.caseNumber());
                address.ifPresent(place -> {
                    data.putObject("address").put("street", place.street()).put("unit", place.unit())
                            .put("city", place.city()).put("state", place.state()).put("zip", place.zip());
                    data.put("contactPhone", place.contactPhone());
                });
                cases.checkInDueBy(person.caseNumber()).ifPresent(due -> data.put("checkInDueBy", due.toString()));
            }
            default -> {
                // the case and the summary say it all
            }
        }
        data.put("summary", recorded.description());
        return data;
    }

    private static void addPerson(ObjectNode data, CustodyCase person) {
        data.put("apprehendedAt", person.apprehendedAt().toString())
                .put("classification", person.classification().name());
        ObjectNode who = data.putObject("person").put("familyName", person.familyName())
                .put("givenNames", person.givenNames()).put("sex", person.sex())
                .put("countryOfCitizenship", person.countryOfCitizenship());
        who.put("dateOfBirth", person.dateOfBirth() == null ? null : person.dateOfBirth().toString());
    }

    /**
     * The other side of each separation: for a child, the parents or legal guardians, with the identifiers ICE's and
     * ORR's systems match on and where each is now, so that ORR can reunify them; for an adult, the children.
     */
    private void addSeparatedFrom(ObjectNode data, CustodyCase person, List<Separation> separated) {
        var others = data.putArray("separatedFrom");
        for (Separation separation : separated) {
            boolean isChild = separation.childCaseNumber().equals(person.caseNumber());
            CustodyCase other = cases.get(isChild ? separation.parentCaseNumber() : separation.childCaseNumber());
            ObjectNode ref = personRef(other).put("familyName", other.familyName())
                    .put("givenNames", other.givenNames());
            ObjectNode where = ref.putObject("whereNow").put("status", other.status().name());
            if (other.status() == org.bordercustody.custody.CaseStatus.IN_CBP_CUSTODY) {
                where.put("agency", "CBP").put("sector", other.sector()).put("station", other.station());
            }
            others.add(ref);
        }
    }

    private ObjectNode personRef(CustodyCase other) {
        ObjectNode ref = json.createObjectNode().put("caseNumber", other.caseNumber())
                .put("personId", other.personId().toString());
        Identifiers identifiers = people.identifiersOf(other.personId());
        identifiers.aNumber().ifPresent(aNumber -> ref.put("aNumber", aNumber));
        identifiers.fin().ifPresent(fin -> ref.put("fin", fin));
        return ref;
    }

    private void store(CaseRecorded recorded, String type, Audience audience, ObjectNode data) {
        try {
            feed.append(recorded.caseNumber(), TYPE_PREFIX + type, recorded.at(), json.writeValueAsString(data),
                    audience.ice(), audience.orr());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the event of case " + recorded.caseNumber(), e);
        }
    }

    private static boolean isChild(CustodyCase person) {
        Integer age = person.ageAtApprehension();
        return person.classification() == Classification.UNACCOMPANIED_CHILD || age != null && age < CustodyCase.AGE_OF_MAJORITY;
    }

    private static boolean isUnaccompaniedChild(CustodyCase person) {
        return person.classification() == Classification.UNACCOMPANIED_CHILD;
    }

    private static boolean isFamily(CustodyCase person) {
        return person.classification() == Classification.FAMILY_UNIT_MEMBER;
    }
}
