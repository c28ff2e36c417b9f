package org.bordercustody.system;

/** The request is well formed but contradicts the case's current state or an earlier request. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
