package org.bordercustody.custody;

/** The Border Patrol sector and station holding a person: the apprehending ones unless the person was moved. */
public record HeldBy(String sector, String station) {
}
