package org.bordercustody.custody;

/**
 * Why a legal clock's deadline was missed, as a supervisor explains a breach: the causes OIG-22-66 and the TEDS and
 * TVPRA time limits meet at the border (no transport, no bed or placement at the receiving agency, a hospital stay,
 * the processing load of a surge), so that breaches can be counted by cause. "Other" asks for the cause in words.
 */
public enum BreachCause {
    TRANSPORT_NOT_AVAILABLE("Transport not available"),
    RECEIVING_FACILITY_FULL("Receiving facility had no space"),
    AWAITING_ORR_PLACEMENT("Awaiting ORR placement"),
    AWAITING_ICE_ACCEPTANCE("Awaiting ICE acceptance"),
    MEDICAL_CARE("Medical care"),
    PROCESSING_BACKLOG("Processing backlog"),
    PARTNER_SYSTEM_UNAVAILABLE("Partner agency system unavailable"),
    INTERPRETER_NOT_AVAILABLE("Interpreter not available"),
    OTHER("Other");

    private final String words;

    BreachCause(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
