package org.bordercustody.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bordercustody.custody.CaseAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HHS ORR's system designates where an unaccompanied child goes, instead of a liaison working the task. */
@RestController
@Tag(name = "Partner exchange: answers")
class OrrPlacementController {

    public enum PlacementType { SHELTER, TRANSITIONAL_FOSTER_CARE, STAFF_SECURE, SECURE, RESIDENTIAL_TREATMENT_CENTER }

    /** placementId: ORR's own id of the placement, optional; the same id again is the same designation. */
    public record OrrPlacementRequest(
            @NotBlank @Size(max = 200) String facility,
            @NotNull PlacementType placementType,
            @Size(min = 1, max = 80) String placementId) {
    }

    private final OrrPlacements designateOrrPlacement;
    private final CaseAccess caseAccess;

    OrrPlacementController(OrrPlacements designateOrrPlacement, CaseAccess caseAccess) {
        this.designateOrrPlacement = designateOrrPlacement;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "HHS ORR names the care provider of an unaccompanied child")
    @ApiResponse(responseCode = "202", description = "recorded; the child's transfer goes on")
    @ApiResponse(responseCode = "200", description = "the same placementId again: nothing changed")
    @ApiResponse(responseCode = "400", description = "a field missing or wrong")
    @ApiResponse(responseCode = "404", description = "no unaccompanied child's case of this number")
    @ApiResponse(responseCode = "409", description = "the case is not waiting for a placement, or the placementId belongs to another case")
    @PostMapping("/api/cases/{caseNumber}/orr-placement")
    ResponseEntity<Void> designate(@PathVariable String caseNumber, @Valid @RequestBody OrrPlacementRequest request,
            Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        boolean designated = designateOrrPlacement.designate(caseNumber, request.facility().strip(),
                request.placementType().name(), request.placementId() == null ? null : request.placementId().strip(),
                caller.getName());
        return ResponseEntity.status(designated ? HttpStatus.ACCEPTED : HttpStatus.OK).build();
    }
}
