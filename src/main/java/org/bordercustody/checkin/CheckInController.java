package org.bordercustody.checkin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bordercustody.checkin.CheckIns.CheckIn;
import org.bordercustody.custody.CaseAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Check-ins")
class CheckInController {

    /** checkInId: ICE's own id of the check-in, optional; the same id again is the same check-in. */
    record CheckInRequest(@NotNull String reportedAt, @NotBlank @Size(max = 100) String office,
            @Size(min = 1, max = 80) String checkInId) {
    }

    private final CheckIns checkIns;
    private final CaseAccess caseAccess;

    CheckInController(CheckIns checkIns, CaseAccess caseAccess) {
        this.checkIns = checkIns;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "ICE records that a released person reported")
    @ApiResponse(responseCode = "201", description = "recorded, on time or late")
    @ApiResponse(responseCode = "200", description = "the same checkInId again: nothing changed")
    @ApiResponse(responseCode = "400", description = "a field missing or wrong, a time before the release or in the future")
    @ApiResponse(responseCode = "404", description = "no case of this number that the caller may answer for")
    @ApiResponse(responseCode = "409", description = "the case is not waiting for a check-in, or the checkInId belongs to another case")
    @PostMapping("/api/cases/{caseNumber}/check-ins")
    ResponseEntity<CheckIn> report(@PathVariable String caseNumber, @Valid @RequestBody CheckInRequest request,
            Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        CheckIn checkIn = checkIns.report(caseNumber, request.reportedAt(), request.office().strip(),
                request.checkInId() == null ? null : request.checkInId().strip(), caller.getName());
        return ResponseEntity.status(checkIn.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED).body(checkIn);
    }
}
