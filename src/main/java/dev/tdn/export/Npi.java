package dev.tdn.export;

/**
 * The US National Provider Identifier: ten digits, the last a Luhn check digit computed over the
 * prefix 80840 and the first nine (CMS, "Requirements for NPI check digit", as ISO 7812 has it).
 * A FHIR identifier in the NPI's system that is not one is a claim an EHR would act on.
 */
public final class Npi {

    public static final String SYSTEM = "http://hl7.org/fhir/sid/us-npi";

    private Npi() {
    }

    public static boolean valid(String id) {
        // CMS issues NPIs beginning with 1 or 2 only
        if (id == null || !id.matches("[12][0-9]{9}")) {
            return false;
        }
        // Luhn over 80840 + the first nine digits, doubling every second digit from the right
        // (the check digit's place counts as the first): the prefix adds a constant 24
        int sum = 24;
        for (int i = 8; i >= 0; i--) {
            int d = id.charAt(i) - '0';
            if ((8 - i) % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10 == id.charAt(9) - '0';
    }
}
