package org.bordercustody.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.bordercustody.custody.CaseAccess;
import org.bordercustody.transfer.HhsReferrals.Acknowledgement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/cases/{caseNumber}/hhs-referral/acknowledgement: HHS ORR's system acknowledges a child's referral. */
@RestController
@Tag(name = "Partner exchange: answers")
class HhsReferralController {

    record AcknowledgementRequest(@NotBlank @Size(max = 60) String referralId, @NotNull OffsetDateTime acknowledgedAt) {
    }

    private final HhsReferrals hhsReferrals;
    private final CaseAccess caseAccess;

    HhsReferralController(HhsReferrals hhsReferrals, CaseAccess caseAccess) {
        this.hhsReferrals = hhsReferrals;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "HHS ORR acknowledges a child's referral: meets the 48-hour HHS notification")
    @ApiResponse(responseCode = "201", description = "acknowledged; the agent's notification task closed")
    @ApiResponse(responseCode = "200", description = "the same acknowledgement again: nothing changed")
    @ApiResponse(responseCode = "400", description = "a field missing or wrong, or a time before the referral")
    @ApiResponse(responseCode = "404", description = "no unaccompanied child's case of this number")
    @ApiResponse(responseCode = "409", description = "another referral id for this child, this id for another child, or no referral made yet")
    @PostMapping("/api/cases/{caseNumber}/hhs-referral/acknowledgement")
    ResponseEntity<Acknowledgement> acknowledge(@PathVariable String caseNumber,
            @Valid @RequestBody AcknowledgementRequest request, Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        Acknowledgement acknowledgement = hhsReferrals.acknowledge(caseNumber, request.referralId().strip(),
                request.acknowledgedAt().toInstant(), caller.getName());
        return ResponseEntity.status(acknowledgement.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(acknowledgement);
    }
}
