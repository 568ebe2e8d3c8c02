package dev.tdn.store;

import java.util.List;

/** What checking every stored record found: how many were read, and the damaged ones in the order they are kept. */
public record StoreCheck(int checked, List<DamagedSession> damaged) {

    public StoreCheck {
        damaged = List.copyOf(damaged);
    }
}
