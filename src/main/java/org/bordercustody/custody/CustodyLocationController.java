package org.bordercustody.custody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class CustodyLocationController {

    record MoveRequest(@NotBlank String station, String reason) {
    }

    record HeldAt(String caseNumber, String sector, String station) {
    }

    private final CustodyLocations locations;
    private final CaseAccess caseAccess;

    CustodyLocationController(CustodyLocations locations, CaseAccess caseAccess) {
        this.locations = locations;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "An agent or supervisor moves a person in CBP custody to another station, saying why")
    @ApiResponse(responseCode = "200", description = "the station and sector now holding the person; the case is"
            + " seen by the new sector's agents, no longer by the old one's")
    @ApiResponse(responseCode = "400", description = "no Border Patrol station of the reference list, or no reason")
    @ApiResponse(responseCode = "404", description = "no case of this number that the caller may read")
    @ApiResponse(responseCode = "409", description = "the person is no longer in CBP custody, or held there already")
    @PostMapping("/api/cases/{caseNumber}/custody-location")
    HeldAt move(@PathVariable String caseNumber, @Valid @RequestBody MoveRequest request, Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        HeldBy heldBy = locations.move(Cases.checked(caseNumber), request.station(), request.reason(),
                caller.getName());
        return new HeldAt(Cases.checked(caseNumber), heldBy.sector(), heldBy.station());
    }
}
