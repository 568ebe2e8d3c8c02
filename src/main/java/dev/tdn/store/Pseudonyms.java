package dev.tdn.store;

import java.security.SecureRandom;
import java.util.Map;

/**
 * The pseudonyms of the patients and clinicians of an export, as the store keeps them. Each is
 * random (drawn once, then kept: never computed from the identifier, so nobody holding an
 * identifier can find its pseudonym, 45 CFR 164.514(c)), and an id this export did not ask for
 * has none here.
 */
public record Pseudonyms(Map<String, String> patients, Map<String, String> clinicians) {

    /** Crockford's base 32: no I, L, O or U, so a pseudonym read aloud or retyped stays itself. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Kind {
        PATIENT("patient", "P-"), CLINICIAN("clinician", "C-");

        private final String column;
        private final String prefix;

        Kind(String column, String prefix) {
            this.column = column;
            this.prefix = prefix;
        }

        /** As the pseudonyms table's kind column holds it. */
        public String column() {
            return column;
        }

        /** "P-7K3M9Q2XJ4TD": 60 random bits, a clash among a clinic's people too rare to plan for, and refused if it comes. */
        String draw() {
            char[] c = new char[12];
            for (int i = 0; i < c.length; i++) {
                c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
            }
            return prefix + new String(c);
        }
    }

    public Pseudonyms {
        patients = Map.copyOf(patients);
        clinicians = Map.copyOf(clinicians);
    }

    /** The patient's pseudonym, or null when the store has none for this id. */
    public String patient(String id) {
        return patients.get(id);
    }

    public String clinician(String id) {
        return clinicians.get(id);
    }
}
