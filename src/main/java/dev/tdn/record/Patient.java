package dev.tdn.record;

/** Only an identifier from the clinic's own system: the record never holds a patient's name. */
public record Patient(String id) {
}
