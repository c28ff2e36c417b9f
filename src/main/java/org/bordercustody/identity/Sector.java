package org.bordercustody.identity;

/** A Border Patrol sector of the reference list: its code is the engine tenant of the cases it holds. */
public record Sector(String code, String name, String state, String iceFieldOffice) {
}
