package org.bordercustody.custody;

import java.util.List;

/** The cases of the people a person's family status was decided with; the family feature answers it. */
public interface FamilyGroup {

    /** The case numbers of the person's family, the person's own included. */
    List<String> caseNumbersOf(String caseNumber);
}
