package org.bordercustody.family;

/** Why a supervisor separated a child from the parent or legal guardian they were apprehended with. */
public enum SeparationReason {
    CRIMINAL_HISTORY_OR_WARRANT,
    PROSECUTION,
    DANGER_TO_THE_CHILD,
    PARENTAGE_NOT_ESTABLISHED,
    MEDICAL,
    OTHER
}
