package org.bordercustody.system;

/**
 * The words a person reads for the codes in a refusal of one field's answer ("must be one of LOW, HIGH" becomes
 * "must be one of Low, High"): Tasklist shows a refusal to a person; API clients keep the codes they send.
 */
@FunctionalInterface
public interface RefusalWords {

    RefusalWords NONE = (field, message) -> message;

    /** The message about the field's answer with each of the field's codes replaced by its words. */
    String inWords(String field, String message);
}
