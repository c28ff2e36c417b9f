package org.bordercustody.custody;

import org.bordercustody.system.NotFoundException;

public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(String caseNumber) {
        super("No case " + caseNumber);
    }
}
