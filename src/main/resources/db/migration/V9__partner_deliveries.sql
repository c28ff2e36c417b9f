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

-- One row per partner, locked by the delivery run that pushes its events: runs take turns across nodes.
CREATE TABLE partner_pump (
    partner VARCHAR(10) NOT NULL PRIMARY KEY
);
INSERT INTO partner_pump (partner) VALUES ('ice');
INSERT INTO partner_pump (partner) VALUES ('orr');
