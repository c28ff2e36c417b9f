-- Deliveries are pushed by jobs created in the transaction of each change, no longer by a delivery process per
-- partner: each partner keeps one row whose lock a delivery run holds, so that runs to one partner take turns.
CREATE TABLE partner_delivery_turn (
    partner VARCHAR(10) NOT NULL PRIMARY KEY
);
INSERT INTO partner_delivery_turn (partner) VALUES ('ice');
INSERT INTO partner_delivery_turn (partner) VALUES ('orr');
DROP TABLE partner_pump;
