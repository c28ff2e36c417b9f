package org.bordercustody.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.bordercustody.custody.CaseAccess;
import org.bordercustody.custody.Encounters;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People")
class PersonLinkController {

    record UndoRequest(String reason) {
    }

    record Undone(String caseNumber, UUID personId, UUID previousPersonId) {
    }

    private final Encounters encounters;
    private final CaseAccess caseAccess;

    PersonLinkController(Encounters encounters, CaseAccess caseAccess) {
        this.encounters = encounters;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "A supervisor undoes a wrong link of an encounter to a known person, saying why")
    @ApiResponse(responseCode = "200", description = "the encounter is the person's it was before, or a new person's")
    @ApiResponse(responseCode = "400", description = "no reason, or one longer than 1000 characters")
    @ApiResponse(responseCode = "404", description = "no case of this number that the caller may read")
    @ApiResponse(responseCode = "409", description = "the encounter was never linked, or its link is undone already")
    @PostMapping("/api/cases/{caseNumber}/person-link/undo")
    Undone undo(@PathVariable String caseNumber, @Valid @RequestBody UndoRequest request, Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        Encounters.Undone undone = encounters.undoLink(caseNumber, request.reason(), caller.getName());
        return new Undone(caseNumber, undone.personId(), undone.previousPersonId());
    }
}
