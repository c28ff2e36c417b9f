package org.bordercustody.custody;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which case a process instance is for, so that Cockpit's view of an instance can show the case and its timeline;
 * answered to those who may read the case, the same 404 for an unknown instance and a case one may not read.
 */
@RestController
@Tag(name = "Web apps: the case of a process instance (Cockpit)")
class ProcessInstanceCases {

    private final CustodyCaseRepository cases;
    private final CaseAccess caseAccess;

    ProcessInstanceCases(CustodyCaseRepository cases, CaseAccess caseAccess) {
        this.cases = cases;
        this.caseAccess = caseAccess;
    }

    @GetMapping("/api/process-instances/{processInstanceId}/case")
    Map<String, String> caseOf(@PathVariable String processInstanceId, Authentication caller) {
        String caseNumber = cases.caseNumberOfProcessInstance(processInstanceId)
                .orElseThrow(() -> new CaseNotFoundException(processInstanceId));
        try {
            caseAccess.checkReadable(caseNumber, caller);
        } catch (CaseNotFoundException notReadable) {
            // the same answer as for an unknown instance: not even the case number
            throw new CaseNotFoundException(processInstanceId);
        }
        return Map.of("caseNumber", caseNumber);
    }
}
