package org.bordercustody.family;

/** The companion's stated relationship to the person of the case, and whether it has been verified. */
public record FamilyLink(String caseNumber, String companionCaseNumber, Relationship relationship, boolean verified) {
}
