-- Each event a partner may see, pushed to the partner's webhook: tried until the partner acknowledges it, in the
-- order of the feed for each case, with growing waits between attempts.
CREATE TABLE partner_delivery (
    partner         VARCHAR(10)  NOT NULL,
    event_id        VARCHAR(36)  NOT NULL REFERENCES partner_event (event_id),
    case_number     VARCHAR(40)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP    NOT NULL,
    delivered_at    TIMESTAMP,
    last_answer     VARCHAR(300),
    PRIMARY KEY (partner, event_id)
);
CREATE INDEX ix_partner_delivery_pending ON partner_delivery (partner, delivered_at, case_number);

-- The delivery process of each partner, one per partner across the cluster (the key refuses a second start); its row
-- is locked by each delivery run, so that runs take turns.
CREATE TABLE partner_pump (
    partner             VARCHAR(10) NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64) NOT NULL
);
