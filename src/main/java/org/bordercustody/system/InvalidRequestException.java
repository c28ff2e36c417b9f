package org.bordercustody.system;

/** A request that breaks a rule of the API; the field is the JSON path of the offending value. */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final String reason;
    private final String label;

    public InvalidRequestException(String field, String reason) {
        this(field, null, reason);
    }

    /** A refused form answer whose field reads, on this form, a label of its own (a family member's name in it). */
    public InvalidRequestException(String field, String label, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.label = label;
        this.reason = reason;
    }

    public String label() {
        return label;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
