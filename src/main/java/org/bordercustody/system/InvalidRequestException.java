package org.bordercustody.system;

import java.util.List;

/**
 * A request that breaks a rule of the API; the field is the JSON path of the offending value. A request with several
 * faults carries each of them ({@link #problems()}), the first one as its field and reason.
 */
public class InvalidRequestException extends RuntimeException {

    /** One fault: the field, its label on the form when it reads a label of its own (or null), and why. */
    public record Problem(String field, String label, String reason) {
    }

    private final String field;
    private final String reason;
    private final String label;
    private final List<Problem> problems;

    public InvalidRequestException(String field, String reason) {
        this(field, null, reason);
    }

    /** A refused form answer whose field reads, on this form, a label of its own (a family member's name in it). */
    public InvalidRequestException(String field, String label, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.label = label;
        this.reason = reason;
        this.problems = List.of(new Problem(field, label, reason));
    }

    /** Every fault at once, in the order a form shows its fields; at least one. */
    public InvalidRequestException(List<Problem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.reason())
                .collect(java.util.stream.Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.field = problems.get(0).field();
        this.label = problems.get(0).label();
        this.reason = problems.get(0).reason();
    }

    public List<Problem> problems() {
        return problems;
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
