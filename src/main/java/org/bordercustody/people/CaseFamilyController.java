package org.bordercustody.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bordercustody.people.FamilyViews.FamilyView;
import org.bordercustody.privacy.ReadLog;
import org.bordercustody.privacy.ReadVia;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/cases/{caseNumber}/family: the family of a case in one view. */
@RestController
@Tag(name = "Families")
class CaseFamilyController {

    private final FamilyViews families;
    private final ReadLog readLog;

    CaseFamilyController(FamilyViews families, ReadLog readLog) {
        this.families = families;
        this.readLog = readLog;
    }

    @Operation(summary = "The family of a case: each member, where they are now, and the separations")
    @ApiResponse(responseCode = "200", description = "the members the caller may read (ORR: the children, and the"
            + " parents they were separated from for their reunification) and their separations")
    @ApiResponse(responseCode = "404", description = "no case of this number that the caller may read")
    @GetMapping("/api/cases/{caseNumber}/family")
    FamilyView family(@PathVariable String caseNumber, Authentication caller) {
        FamilyView family = families.of(caseNumber, caller);
        readLog.read(caller.getName(), ReadVia.FAMILY, family.caseNumber());
        return family;
    }
}
