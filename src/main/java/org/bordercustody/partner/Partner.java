package org.bordercustody.partner;

import java.util.Locale;

/** The partner agencies whose systems receive the case's hand-offs. */
public enum Partner {
    ICE,
    ORR;

    /** The partner's code in configuration, tables and business keys: "ice", "orr". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Partner ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
