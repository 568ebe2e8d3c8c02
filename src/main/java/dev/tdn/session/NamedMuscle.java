package dev.tdn.session;

import java.util.Optional;

import dev.tdn.protocol.MuscleCatalogue;

/**
 * A typed muscle name as the record keeps it. A name the catalogue lists, in any of its
 * spellings, is recorded by the catalogue's name with the whole muscle it is part of, so
 * "UT" and "Upper Trapezius" are one muscle to billing. Any other name is recorded as typed,
 * marked unlisted, and counts as a muscle of its own.
 */
record NamedMuscle(String name, String muscleOf, boolean listed) {

    static NamedMuscle typed(String typed) {
        String name = typed.strip();
        Optional<MuscleCatalogue.Entry> entry = MuscleCatalogue.find(name);
        return entry.map(e -> new NamedMuscle(e.name(), e.muscle(), true))
                .orElseGet(() -> new NamedMuscle(name, MuscleCatalogue.normalised(name), false));
    }
}
