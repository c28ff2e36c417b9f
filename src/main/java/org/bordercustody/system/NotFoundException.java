package org.bordercustody.system;

/** Something a caller asked for does not exist, or is not the caller's to know of: the API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
