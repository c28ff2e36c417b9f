package org.bordercustody.facility;

/** The agency that runs a facility and holds the people in it. */
public enum Agency {
    CBP,
    ICE,
    ORR
}
