package org.bordercustody.facility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/facilities: the reference list of facilities, for any signed-in person and partner system. */
@RestController
@Tag(name = "Reference data")
class FacilityController {

    record FacilityList(List<Facility> facilities) {
    }

    private final Facilities facilities;

    FacilityController(Facilities facilities) {
        this.facilities = facilities;
    }

    @Operation(summary = "The facilities a hand-over, an ICE book-in or an ORR placement may name, by code")
    @ApiResponse(responseCode = "200", description = "the facilities, of one kind when kind is given")
    @ApiResponse(responseCode = "400", description = "kind is not one of the kinds")
    @GetMapping("/api/facilities")
    FacilityList facilities(@Parameter(description = "CBP_HOLDING, ICE_ADULT_DETENTION, ICE_FAMILY_RESIDENTIAL_CENTER,"
            + " ORR_SHELTER, ORR_FOSTER_CARE or ORR_STAFF_SECURE") @RequestParam(required = false) String kind) {
        return new FacilityList(kind == null || kind.isBlank() ? facilities.all()
                : facilities.ofKind(FacilityKind.named(kind.strip(), "kind")));
    }
}
