package org.bordercustody.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bordercustody.custody.CaseAccess;
import org.bordercustody.family.FamilySeparations.Reunified;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A family's separations and reunifications through the case API. */
@RestController
@Tag(name = "Families")
class FamilyController {

    record ReunificationRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{4,30}-[0-9]{2}", message = "must be a case number") String parentCaseNumber,
            @NotBlank @Size(max = 1000) String note) {
    }

    private final FamilySeparations separations;
    private final CaseAccess caseAccess;

    FamilyController(FamilySeparations separations, CaseAccess caseAccess) {
        this.separations = separations;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "A child separated from a parent or legal guardian is with them again")
    @ApiResponse(responseCode = "201", description = "recorded on both timelines; family-reunified sent")
    @ApiResponse(responseCode = "400", description = "a field missing or wrong, or a parent the child was not separated from")
    @ApiResponse(responseCode = "404", description = "no case of this number that the caller may read")
    @ApiResponse(responseCode = "409", description = "the two were already reunified")
    @PostMapping("/api/cases/{caseNumber}/family/reunification")
    ResponseEntity<Reunified> reunify(@PathVariable String caseNumber, @Valid @RequestBody ReunificationRequest request,
            Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(separations.reunify(caseNumber,
                request.parentCaseNumber(), request.note().strip(), caller.getName()));
    }
}
