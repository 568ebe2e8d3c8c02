package dev.tdn;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The lower-case hex SHA-256 of exact bytes: what proves which protocol file guided a session,
 * and whether a stored record is still what was imported. A class of its own so that checking a
 * stored record loads nothing else (no JSON library).
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * Loads Java's security providers on a background thread: the first SHA-256 takes 5-8 ms to
     * find its provider, which an import of one record (the end of every session) otherwise
     * waits for after checking the record (src/bench/README.md).
     */
    public static void prepareInBackground() {
        IdleCore.run("tdn-sha256-prepare", new Prepare());
    }

    private static final class Prepare implements Runnable {
        @Override
        public void run() {
            of(new byte[0]);
        }
    }

    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
