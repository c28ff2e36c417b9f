package org.bordercustody.family;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bordercustody.custody.CaseNotFoundException;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.Encounters;
import org.bordercustody.custody.FamilyGroup;
import org.bordercustody.person.Identifier;
import org.bordercustody.person.Identifiers;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.custody.Timeline;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Use cases of family status: record what intake found, gather the facts the decisions need, record facts
 * established later, and record the decisions themselves.
 */
@Service
public class Families implements FamilyGroup {

    private final CustodyCaseRepository cases;
    private final FamilyLinkRepository links;
    private final Timeline timeline;
    private final Clock clock;
    private final Encounters encounters;

    public Families(CustodyCaseRepository cases, FamilyLinkRepository links, Timeline timeline, Clock clock,
            Encounters encounters) {
        this.encounters = encounters;
        this.cases = cases;
        this.links = links;
        this.timeline = timeline;
        this.clock = clock;
    }

    public record IntakeFacts(String biometrics, String recordsCheck, String medicalScreening,
            String processingPathway, String flightRisk, boolean familyRelationshipVerified,
            String samePersonAsEarlier, String aNumber, String fin, String documentType, String documentNumber,
            String documentCountry) {

        public IntakeFacts(String biometrics, String recordsCheck, String medicalScreening, String processingPathway,
                String flightRisk, boolean familyRelationshipVerified) {
            this(biometrics, recordsCheck, medicalScreening, processingPathway, flightRisk, familyRelationshipVerified,
                    null, null, null, null, null, null);
        }

        /** The identifiers captured, each checked; a FIN only when biometrics were captured. */
        Identifiers identifiers() {
            List<Identifier> captured = new java.util.ArrayList<>();
            if (aNumber != null) {
                captured.add(Identifier.aNumber(aNumber, "aNumber"));
            }
            if (fin != null) {
                if (!"CAPTURED".equals(biometrics)) {
                    throw new InvalidRequestException("fin", "comes from fingerprints: record it when biometrics"
                            + " are captured");
                }
                captured.add(Identifier.fin(fin, "fin"));
            }
            if (documentType != null || documentNumber != null || documentCountry != null) {
                if (documentType == null || documentNumber == null || documentCountry == null) {
                    throw new InvalidRequestException(documentType == null ? "documentType" : documentNumber == null
                            ? "documentNumber" : "documentCountry", "is needed with the rest of the travel document");
                }
                Identifier document = Identifier.document(documentType, documentNumber, documentCountry, "document");
                captured.add(document);
            }
            return new Identifiers(captured);
        }
    }

    private static String fieldOf(Identifier identifier) {
        return switch (identifier.kind()) {
            case A_NUMBER -> "aNumber";
            case FIN -> "fin";
            case DOCUMENT -> "documentNumber";
        };
    }

    /** Records what intake found; a processing pathway and a flight risk are asked of everyone not known a child. */
    public void recordIntake(String caseNumber, IntakeFacts facts, String actor) {
        CustodyCase custodyCase = cases.get(caseNumber);
        boolean child = custodyCase.ageAtApprehension() != null
                && custodyCase.ageAtApprehension() < CustodyCase.AGE_OF_MAJORITY;
        if (!child && facts.processingPathway() == null) {
            throw new InvalidRequestException("processingPathway", "is required for an adult");
        }
        if (!child && facts.flightRisk() == null) {
            throw new InvalidRequestException("flightRisk", "is required for an adult");
        }
        Identifiers identifiers = facts.identifiers();
        encounters.identify(caseNumber, facts.samePersonAsEarlier(), identifiers, Families::fieldOf, actor);
        // Family members finish intake in separate transactions; the lock makes the last one see all others.
        cases.lockEvent(custodyCase.eventNumber());
        GatheredFacts.forget();
        cases.recordIntake(caseNumber, clock.instant(), new CustodyCaseRepository.Intake(facts.biometrics(),
                facts.recordsCheck(), facts.medicalScreening(), facts.processingPathway(), facts.flightRisk()));
        if (facts.familyRelationshipVerified()) {
            links.verifyParentLinksOf(caseNumber);
        }
        timeline.record(caseNumber, "INTAKE_RECORDED", "Intake recorded: biometrics "
                + words("biometricsStatus", facts.biometrics()) + ", records check "
                + words("recordsCheckResult", facts.recordsCheck()) + ", medical screening "
                + words("medicalScreening", facts.medicalScreening())
                + (facts.processingPathway() == null ? "" : ", pathway "
                + words("processingPathway", facts.processingPathway()))
                + (facts.flightRisk() == null ? "" : ", flight risk " + words("flightRisk", facts.flightRisk()))
                + (facts.familyRelationshipVerified() ? ", parent or guardian relationship verified" : ""), actor);
    }

    @Override
    public List<String> caseNumbersOf(String caseNumber) {
        return gather(caseNumber).familyCaseNumbers();
    }

    /**
     * The facts the family decisions read. Gathered once per transaction and case: the steps of one transaction
     * (the decisions and the records of them) read the same facts, and every change of them here forgets them.
     */
    public FamilyFacts gather(String caseNumber) {
        return GatheredFacts.inThisTransaction().computeIfAbsent(caseNumber, this::load);
    }

    private FamilyFacts load(String caseNumber) {
        List<CustodyCase> eventCases = cases.findByEventOf(caseNumber);
        if (eventCases.isEmpty()) {
            throw new CaseNotFoundException(caseNumber);
        }
        return FamilyFacts.of(caseNumber, eventCases, links.findByEvent(eventCases.get(0).eventNumber()));
    }

    public void establish(String caseNumber, LocalDate dateOfBirth, boolean estimated, boolean relationshipVerified,
            String source, String actor) {
        CustodyCase custodyCase = cases.get(caseNumber);
        if (dateOfBirth == null && custodyCase.dateOfBirth() == null) {
            throw new InvalidRequestException("dateOfBirth", "is required: none was recorded at apprehension");
        }
        LocalDate apprehensionDay = custodyCase.apprehendedAt().atOffset(custodyCase.apprehendedOffset()).toLocalDate();
        if (dateOfBirth != null && dateOfBirth.isAfter(apprehensionDay)) {
            throw new InvalidRequestException("dateOfBirth", "is after the apprehension");
        }
        cases.lockEvent(custodyCase.eventNumber());
        GatheredFacts.forget();
        if (dateOfBirth != null) {
            cases.recordDateOfBirth(caseNumber, dateOfBirth, estimated);
        }
        if (relationshipVerified) {
            links.verifyParentLinksOf(caseNumber);
        }
        timeline.record(caseNumber, "FAMILY_FACTS_ESTABLISHED", (dateOfBirth == null ? "Date of birth as recorded"
                : "Date of birth " + dateOfBirth + (estimated ? " (estimated)" : ""))
                + (relationshipVerified ? ", relationship verified" : ", relationship not verified")
                + "; source: " + source, actor);
    }

    /** Records the family status decision with the facts it decided on; returns the case as now recorded. */
    public CustodyCase recordClassification(String caseNumber, Classification classification) {
        FamilyFacts facts = gather(caseNumber);
        cases.recordClassification(caseNumber, classification);
        timeline.record(caseNumber, "FAMILY_STATUS_DECIDED", "The family status decision found: "
                + classification.words() + " (age " + (facts.ageAtApprehension() == null ? "unknown"
                : facts.ageAtApprehension()) + ", companion: " + plain(facts.companionRelationship())
                + ", cares for a child: " + yesNo(facts.caresForAccompaniedChild()) + ", relationship verified: "
                + yesNo(facts.familyRelationshipVerified()) + ")", Timeline.SYSTEM_ACTOR);
        return cases.get(caseNumber);
    }

    public void recordPlacement(String caseNumber, String placement) {
        FamilyFacts facts = gather(caseNumber);
        cases.recordPlacement(caseNumber, placement);
        timeline.record(caseNumber, "PLACEMENT_DECIDED", "The placement decision found: "
                + words("placement", placement) + " (family of " + facts.familySize() + ": "
                + String.join(", ", facts.familyCaseNumbers()) + "; youngest child: "
                + (facts.youngestChildAge() == null ? "none" : facts.youngestChildAge()) + "; medical needs: "
                + yesNo(facts.familyMedicallyVulnerable()) + "; adults' records: "
                + words("recordsCheckResult", facts.adultsRecordsCheck()) + ")", Timeline.SYSTEM_ACTOR);
    }

    private static String words(String field, String code) {
        return TaskForms.deployed().wordsFor(field, code);
    }

    private static String plain(String code) {
        return code == null ? "none" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String yesNo(Boolean answer) {
        return Boolean.TRUE.equals(answer) ? "yes" : "no";
    }
}
