package org.bordercustody.person;

import org.bordercustody.system.ConflictException;

/** An identifier that is another person's, or a second one of a kind a person has only one of. */
public class IdentifierConflictException extends ConflictException {

    private final String field;
    private final String reason;

    public IdentifierConflictException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
