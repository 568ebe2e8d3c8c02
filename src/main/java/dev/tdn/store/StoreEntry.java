package dev.tdn.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;

/**
 * What the store keeps of one valid record: the record, its bytes exactly as they arrived, and
 * the hash that says whether two records with one id are the same. Made where the record was
 * validated, so an import hashes on every core rather than on the one that writes.
 */
public record StoreEntry(SessionRecord record, byte[] json, String contentHash, String bytesHash) {

    private static final ObjectWriter COMPACT = RecordJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    public static StoreEntry of(SessionRecord record, byte[] json) {
        return new StoreEntry(record, json, contentHash(record), sha256(json));
    }

    /**
     * The hash of the bytes as stored, which reading checks: unlike {@link #contentHash}, it
     * does not change when a later tdn writes records with more fields.
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /**
     * "Identical content" means the same record, however it was spaced or ordered on disk: the
     * hash is of the record as tdn itself writes it, compactly.
     */
    static String contentHash(SessionRecord record) {
        return sha256(COMPACT.writeValueAsBytes(record));
    }
}
