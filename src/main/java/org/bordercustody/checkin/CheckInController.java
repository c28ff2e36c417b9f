package org.bordercustody.checkin;

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

    @PostMapping("/api/cases/{caseNumber}/check-ins")
    ResponseEntity<CheckIn> report(@PathVariable String caseNumber, @Valid @RequestBody CheckInRequest request,
            Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        CheckIn checkIn = checkIns.report(caseNumber, request.reportedAt(), request.office().strip(),
                request.checkInId() == null ? null : request.checkInId().strip(), caller.getName());
        return ResponseEntity.status(checkIn.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED).body(checkIn);
    }
}
