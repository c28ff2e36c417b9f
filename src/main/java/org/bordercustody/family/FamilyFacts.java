package org.bordercustody.family;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bordercustody.custody.CustodyCase;

/**
 * The recorded facts the family status and placement decisions read, for one person among the people of
 * the same apprehension. The family unit is the group joined by parent or legal-guardian links; other
 * companions (an aunt, an unrelated adult) never make a family unit.
 */
public record FamilyFacts(
        Integer ageAtApprehension,
        String companionRelationship,
        boolean caresForAccompaniedChild,
        boolean familyRelationshipVerified,
        List<String> familyCaseNumbers,
        boolean familyIntakeComplete,
        Integer youngestChildAge,
        boolean familyMedicallyVulnerable,
        String adultsRecordsCheck,
        String decisionLead) {

    public static final String NO_COMPANION = "NONE";
    public static final String NEEDS_MEDICAL_CARE = "NEEDS_MEDICAL_CARE";
    /** Records check results from least to most serious. */
    static final List<String> RECORDS_CHECK_SEVERITY =
            List.of("CLEAR", "CRIMINAL_HISTORY", "PUBLIC_SAFETY_OR_NATIONAL_SECURITY");

    public int familySize() {
        return familyCaseNumbers.size();
    }

    public static FamilyFacts of(String caseNumber, List<CustodyCase> eventCases, List<FamilyLink> eventLinks) {
        Map<String, CustodyCase> byNumber = eventCases.stream()
                .collect(Collectors.toMap(CustodyCase::caseNumber, Function.identity()));
        CustodyCase person = Objects.requireNonNull(byNumber.get(caseNumber), caseNumber);
        List<FamilyLink> companionsOfPerson = eventLinks.stream()
                .filter(link -> link.caseNumber().equals(caseNumber))
                .toList();
        List<FamilyLink> childrenInCare = eventLinks.stream()
                .filter(link -> link.companionCaseNumber().equals(caseNumber) && link.relationship().makesFamilyUnit())
                .filter(link -> !byNumber.get(link.caseNumber()).isKnownAdult())
                .toList();
        List<FamilyLink> parentLinks = companionsOfPerson.stream()
                .filter(link -> link.relationship().makesFamilyUnit())
                .toList();

        boolean verified = !parentLinks.isEmpty() && parentLinks.stream().anyMatch(FamilyLink::verified)
                || !childrenInCare.isEmpty() && childrenInCare.stream().anyMatch(FamilyLink::verified);
        List<CustodyCase> family = familyUnit(caseNumber, eventLinks).stream().map(byNumber::get).toList();

        return new FamilyFacts(
                person.ageAtApprehension(),
                closestCompanion(companionsOfPerson),
                !childrenInCare.isEmpty(),
                verified,
                family.stream().map(CustodyCase::caseNumber).toList(),
                family.stream().allMatch(CustodyCase::isIntakeComplete),
                family.stream().map(CustodyCase::ageAtApprehension)
                        .filter(age -> age != null && age < CustodyCase.AGE_OF_MAJORITY)
                        .min(Comparator.naturalOrder()).orElse(null),
                family.stream().anyMatch(member -> NEEDS_MEDICAL_CARE.equals(member.medicalScreening())),
                worstRecordsCheck(family.size() == 1 ? family : family.stream().filter(CustodyCase::isKnownAdult).toList()),
                decisionLead(family));
    }

    /** One decision for the family, taken in the case of its first adult (or first member when none is known adult). */
    private static String decisionLead(List<CustodyCase> family) {
        return family.stream()
                .sorted(Comparator.comparing((CustodyCase member) -> !member.isKnownAdult())
                        .thenComparing(CustodyCase::caseNumber))
                .map(CustodyCase::caseNumber)
                .findFirst().orElseThrow();
    }

    public boolean isDecisionLead(String caseNumber) {
        return decisionLead.equals(caseNumber);
    }

    /** A parent or guardian outranks any other relative, who outranks an unrelated adult. */
    private static String closestCompanion(List<FamilyLink> companions) {
        return companions.stream()
                .map(FamilyLink::relationship)
                .min(Comparator.naturalOrder())
                .map(Relationship::name)
                .orElse(NO_COMPANION);
    }

    private static Set<String> familyUnit(String caseNumber, List<FamilyLink> links) {
        Set<String> members = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(caseNumber));
        while (!toVisit.isEmpty()) {
            String member = toVisit.pop();
            if (!members.add(member)) {
                continue;
            }
            for (FamilyLink link : links) {
                if (!link.relationship().makesFamilyUnit()) {
                    continue;
                }
                if (link.caseNumber().equals(member)) {
                    toVisit.push(link.companionCaseNumber());
                } else if (link.companionCaseNumber().equals(member)) {
                    toVisit.push(link.caseNumber());
                }
            }
        }
        return members;
    }

    private static String worstRecordsCheck(List<CustodyCase> people) {
        return people.stream()
                .map(CustodyCase::recordsCheck)
                .filter(Objects::nonNull)
                .max(Comparator.comparingInt(RECORDS_CHECK_SEVERITY::indexOf))
                .orElse(RECORDS_CHECK_SEVERITY.get(0));
    }
}
