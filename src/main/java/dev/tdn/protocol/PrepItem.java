package dev.tdn.protocol;

/** One site-preparation check, ticked and time-stamped. */
public record PrepItem(String id, String label) {
}
