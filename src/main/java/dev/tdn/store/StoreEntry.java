package dev.tdn.store;

import java.util.Arrays;

import dev.tdn.json.WhitespaceFree;
import dev.tdn.record.CompactRecord;
import dev.tdn.record.SessionRecord;

/**
 * What the store keeps of one valid record: the record, its bytes exactly as they arrived, and
 * the hash that says whether two records with one id are the same. Made where the record was
 * validated, so an import hashes on every core rather than on the one that writes.
 */
public record StoreEntry(SessionRecord record, byte[] json, String contentHash, String bytesHash,
        boolean compactAsStored) {

    /**
     * {@code compactAsStored}: the bytes without their whitespace are the record's compact form,
     * as every record tdn writes is, so an NDJSON export can take them as they are.
     */
    public static StoreEntry of(SessionRecord record, byte[] json) {
        byte[] compact = compact(record);
        return new StoreEntry(record, json, sha256(compact), sha256(json),
                Arrays.equals(WhitespaceFree.of(json), compact));
    }

    /** The record as tdn itself writes it on one line: what {@link #contentHash} is taken of. */
    static byte[] compact(SessionRecord record) {
        return CompactRecord.bytes(record);
    }

    /**
     * The hash of the bytes as stored, which reading checks: unlike {@link #contentHash}, it
     * does not change when a later tdn writes records with more fields.
     */
    static String sha256(byte[] bytes) {
        return dev.tdn.Fingerprint.of(bytes);
    }

    /**
     * "Identical content" means the same record, however it was spaced or ordered on disk: the
     * hash is of the record as tdn itself writes it, compactly.
     */
    static String contentHash(SessionRecord record) {
        return sha256(compact(record));
    }
}
