package org.bordercustody.custody;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseNumber) {
        super("No case " + caseNumber);
    }
}
