package dev.promptwise.core.strategy;

import java.util.Locale;
import java.util.function.Function;

/** Finds the enum constant whose user-facing id matches a value from a strategy file, shared by every fact enum. */
final class Ids {

    private Ids() {}

    /** Returns the constant whose id equals {@code id} ignoring case and surrounding spaces, or {@code null}. */
    static <E> E find(E[] constants, String id, Function<E, String> idOf) {
        if (id == null) {
            return null;
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            if (idOf.apply(constant).equals(wanted)) {
                return constant;
            }
        }
        return null;
    }
}
