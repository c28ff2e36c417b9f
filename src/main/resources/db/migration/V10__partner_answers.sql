-- HHS ORR's acknowledgement of a referral of an unaccompanied child, by ORR's own referral id: it meets the 48-hour
-- HHS notification. One per child; the same acknowledgement again changes nothing.
CREATE TABLE hhs_referral_acknowledgement (
    case_number     VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES custody_case (case_number),
    referral_id     VARCHAR(60)  NOT NULL,
    acknowledged_at TIMESTAMP    NOT NULL,
    recorded_by     VARCHAR(64)  NOT NULL,
    recorded_at     TIMESTAMP    NOT NULL
);

-- ICE's book-in of a person handed over by CBP, by ICE's own book-in number.
CREATE TABLE ice_book_in (
    case_number    VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES custody_case (case_number),
    book_in_number VARCHAR(60)  NOT NULL,
    facility       VARCHAR(200) NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP    NOT NULL
);

-- A partner's own id of a check-in or an ORR placement it reported: the same id again is the same report.
CREATE TABLE partner_request (
    kind        VARCHAR(40) NOT NULL,
    request_id  VARCHAR(80) NOT NULL,
    case_number VARCHAR(40) NOT NULL REFERENCES custody_case (case_number),
    recorded_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (kind, request_id)
);
