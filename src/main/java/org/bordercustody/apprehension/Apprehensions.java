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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bordercustody.apprehension.Apprehension.Companion;
import org.bordercustody.apprehension.Apprehension.EncounteredPerson;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.Timeline;
import org.bordercustody.family.FamilyLink;
import org.bordercustody.family.FamilyLinkRepository;
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

    public record RecordedCase(String ref, String caseNumber) {
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

    Apprehensions(ApprehensionRules rules, ApprehensionRepository apprehensions, CustodyCaseRepository cases,
            FamilyLinkRepository familyLinks, Timeline timeline, CustodyProcessStarter processStarter,
            CustodyClocks clocks, Clock clock, ObjectMapper objectMapper, TransactionTemplate transaction) {
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
                .map(c -> new RecordedCase(c.personRef(), c.caseNumber()))
                .toList();
        return new Result(false, apprehension.eventNumber(), recorded);
    }

    private Result create(Apprehension apprehension, String fingerprint, String recordedBy) {
        Instant now = clock.instant();
        apprehensions.insert(apprehension, fingerprint, now, recordedBy);
        Map<String, String> caseNumberByRef = new HashMap<>();
        List<CustodyCase> opened = new ArrayList<>();
        for (int i = 0; i < apprehension.persons().size(); i++) {
            EncounteredPerson person = apprehension.persons().get(i);
            CustodyCase custodyCase = newCase(apprehension, i, person);
            cases.insert(custodyCase);
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
            timeline.record(custodyCase.caseNumber(), "APPREHENDED",
                    "Apprehended at " + CustodyProcessStarter.shown(custodyCase.apprehendedAt()) + " in sector "
                            + apprehension.sector() + ", station " + apprehension.station()
                            + "; recorded at " + CustodyProcessStarter.shown(now), recordedBy, apprehension.sector(), null);
            processStarter.start(custodyCase);
            recorded.add(new RecordedCase(custodyCase.personRef(), custodyCase.caseNumber()));
        }
        return new Result(true, apprehension.eventNumber(), recorded);
    }

    private CustodyCase newCase(Apprehension apprehension, int index, EncounteredPerson person) {
        return new CustodyCase(apprehension.caseNumber(index), apprehension.eventNumber(), person.ref(),
                person.familyName(), person.givenNames(), person.dateOfBirth(), false, person.sex(),
                person.countryOfCitizenship(), apprehension.apprehendedAt(), apprehension.reportedOffset(),
                Classification.UNDETERMINED, null, CaseStatus.IN_CBP_CUSTODY,
                clocks.custodyDeadline(apprehension.apprehendedAt()), null, null, null, null);
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
