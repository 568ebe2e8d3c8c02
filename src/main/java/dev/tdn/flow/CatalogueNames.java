package dev.tdn.flow;

import java.util.List;
import java.util.Optional;

import dev.tdn.protocol.MuscleCatalogue;

/** The built-in muscle catalogue, as the flow asks it. */
public final class CatalogueNames implements MuscleNames {

    @Override
    public List<String> names() {
        return MuscleCatalogue.names();
    }

    @Override
    public Optional<String> listed(String typed) {
        return MuscleCatalogue.find(typed).map(MuscleCatalogue.Entry::name);
    }
}
