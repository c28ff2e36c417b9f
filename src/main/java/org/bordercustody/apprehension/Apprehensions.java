package org.bordercustody.apprehension;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bordercustody.apprehension.Apprehension.Companion;
import org.bordercustody.apprehension.Apprehension.EncounteredPerson;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.Encounters;
import org.bordercustody.custody.Timeline;
import org.bordercustody.family.FamilyLink;
import org.bordercustody.family.FamilyLinkRepository;
import org.bordercustody.person.Identifier;
import org.bordercustody.person.IdentifierConflictException;
import org.bordercustody.person.PersonIdentities;
import org.bordercustody.system.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an apprehension: the event, one case per person, their family links and one custody process per
 * case, all in one transaction. The event number makes it idempotent: the same request again returns the
 * same cases, a different request with the same number is refused, and concurrent duplicates collide on the
 * event's primary key so that only one of them creates anything.
 */
@Service
public class Apprehensions {

    /** A case of the apprehension: the person's, and the person's encounters before it (newest first). */
    public record RecordedCase(String ref, String caseNumber, UUID personId, List<String> priorEncounters) {
    }

    public record Result(boolean created, String eventNumber, List<RecordedCase> cases) {
    }

    private final ApprehensionRules rules;
    private final ApprehensionRepository apprehensions;
    private final CustodyCaseRepository cases;
    private final FamilyLinkRepository familyLinks;
    private final Timeline timeline;
    private final CustodyProcessStarter processStarter;
    private final CustodyClocks clocks;
    private final Clock clock;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate transaction;
    private final PersonIdentities people;
    private final Encounters encounters;

    Apprehensions(ApprehensionRules rules, ApprehensionRepository apprehensions, CustodyCaseRepository cases,
            FamilyLinkRepository familyLinks, Timeline timeline, CustodyProcessStarter processStarter,
            CustodyClocks clocks, Clock clock, ObjectMapper objectMapper, TransactionTemplate transaction,
            PersonIdentities people, Encounters encounters) {
        this.people = people;
        this.encounters = encounters;
        this.rules = rules;
        this.apprehensions = apprehensions;
        this.cases = cases;
        this.familyLinks = familyLinks;
        this.timeline = timeline;
        this.processStarter = processStarter;
        this.clocks = clocks;
        this.clock = clock;
        this.objectMapper = objectMapper;
        this.transaction = transaction;
    }

    public Result record(ApprehensionRequest request, String recordedBy) {
        Apprehension apprehension = rules.check(request);
        String fingerprint = fingerprint(request);
        try {
            return transaction.execute(status -> apprehensions.fingerprintOf(apprehension.eventNumber())
                    .map(existing -> replay(apprehension, existing, fingerprint))
                    .orElseGet(() -> create(apprehension, fingerprint, recordedBy)));
        } catch (DuplicateKeyException concurrentDuplicate) {
            // Another request with this event number committed first; answer as a replay of it.
            return transaction.execute(status -> replay(apprehension,
                    apprehensions.fingerprintOf(apprehension.eventNumber()).orElseThrow(() -> concurrentDuplicate),
                    fingerprint));
        }
    }

    private Result replay(Apprehension apprehension, String existingFingerprint, String fingerprint) {
        if (!existingFingerprint.equals(fingerprint)) {
            throw new ConflictException("event " + apprehension.eventNumber()
                    + " was already recorded with a different body; an event number identifies one apprehension");
        }
        List<RecordedCase> recorded = cases.findByEvent(apprehension.eventNumber()).stream()
                .map(custodyCase -> recorded(custodyCase, encounters.earlier(custodyCase)))
                .toList();
        return new Result(false, apprehension.eventNumber(), recorded);
    }

    private Result create(Apprehension apprehension, String fingerprint, String recordedBy) {
        Instant now = clock.instant();
        apprehensions.insert(apprehension, fingerprint, now, recordedBy);
        Map<String, String> caseNumberByRef = new HashMap<>();
        List<CustodyCase> opened = new ArrayList<>();
        Set<UUID> known = new HashSet<>();
        for (int i = 0; i < apprehension.persons().size(); i++) {
            EncounteredPerson person = apprehension.persons().get(i);
            UUID personId = personOf(person, i, known, now);
            CustodyCase custodyCase = newCase(apprehension, i, person, personId);
            cases.insert(custodyCase);
            if (known.contains(personId)) {
                int index = i;
                people.record(personId, person.identifiers(), custodyCase.caseNumber(), now, recordedBy,
                        identifier -> fieldOf(index, identifier));
            } else {
                people.recordOfNewPerson(personId, person.identifiers(), custodyCase.caseNumber(), now, recordedBy);
            }
            people.indexNames(custodyCase.caseNumber(), person.familyName(), person.givenNames());
            caseNumberByRef.put(person.ref(), custodyCase.caseNumber());
            opened.add(custodyCase);
        }
        for (EncounteredPerson person : apprehension.persons()) {
            for (Companion companion : person.companions()) {
                familyLinks.insert(new FamilyLink(caseNumberByRef.get(person.ref()),
                        caseNumberByRef.get(companion.ref()), companion.relationship(), false));
            }
        }
        List<RecordedCase> recorded = new ArrayList<>();
        for (CustodyCase custodyCase : opened) {
            List<CustodyCase> earlier = known.contains(custodyCase.personId()) ? encounters.earlier(custodyCase)
                    : List.of();
            timeline.record(custodyCase.caseNumber(), "APPREHENDED",
                    "Apprehended at " + CustodyProcessStarter.shown(custodyCase.apprehendedAt()) + " in sector "
                            + apprehension.sector() + ", station " + apprehension.station()
                            + "; recorded at " + CustodyProcessStarter.shown(now)
                            + (earlier.isEmpty() ? "" : "; a known person, earlier encounters: " + String.join(", ",
                                    earlier.stream().map(CustodyCase::caseNumber).toList())),
                    recordedBy, apprehension.sector(), null);
            processStarter.start(custodyCase);
            if (earlier.isEmpty()) {
                encounters.askIfProbablySame(custodyCase);
            } else {
                encounters.recordedAsKnownPerson(custodyCase.caseNumber(), custodyCase.personId(), earlier,
                        recordedBy);
                encounters.endCheckInWaits(custodyCase.personId(), custodyCase.caseNumber());
            }
            recorded.add(recorded(custodyCase, earlier));
        }
        return new Result(true, apprehension.eventNumber(), recorded);
    }

    /**
     * The person an identifier of theirs names, unless they are held in an open case; otherwise a new person. One
     * person cannot be two people of one apprehension.
     */
    private UUID personOf(EncounteredPerson person, int index, Set<UUID> known, Instant now) {
        Optional<UUID> identified = people.identifiedBy(person.identifiers(),
                identifier -> fieldOf(index, identifier));
        if (identified.isEmpty()) {
            return people.newPerson(now);
        }
        UUID personId = identified.get();
        String field = "persons[" + index + "].identifiers";
        if (!known.add(personId)) {
            throw new IdentifierConflictException(field, "names the same person as another person of this"
                    + " apprehension");
        }
        encounters.refuseSecondOpenCase(personId, null, field);
        return personId;
    }

    private static RecordedCase recorded(CustodyCase custodyCase, List<CustodyCase> earlier) {
        return new RecordedCase(custodyCase.personRef(), custodyCase.caseNumber(), custodyCase.personId(),
                earlier.stream().map(CustodyCase::caseNumber).toList());
    }

    private static String fieldOf(int index, Identifier identifier) {
        return "persons[" + index + "].identifiers." + switch (identifier.kind()) {
            case A_NUMBER -> "aNumber";
            case FIN -> "fin";
            case DOCUMENT -> "documents";
        };
    }

    private CustodyCase newCase(Apprehension apprehension, int index, EncounteredPerson person, UUID personId) {
        return new CustodyCase(apprehension.caseNumber(index), apprehension.eventNumber(), person.ref(),
                person.familyName(), person.givenNames(), person.dateOfBirth(), false, person.sex(),
                person.countryOfCitizenship(), apprehension.apprehendedAt(), apprehension.reportedOffset(),
                Classification.UNDETERMINED, null, CaseStatus.IN_CBP_CUSTODY,
                clocks.custodyDeadline(apprehension.apprehendedAt()), null, null, null, null, personId,
                apprehension.sector(), apprehension.station());
    }

    private String fingerprint(ApprehensionRequest request) {
        try {
            byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
