package dev.tdn.flow;

import java.util.List;
import java.util.Optional;

/** The muscle catalogue as the flow needs it: names to complete, and whether a typed name is listed. */
public interface MuscleNames {

    /** The catalogue's names, offered for completion. */
    List<String> names();

    /** The catalogue's name for what was typed (an abbreviation, another spelling), or empty when it is not listed. */
    Optional<String> listed(String typed);
}
