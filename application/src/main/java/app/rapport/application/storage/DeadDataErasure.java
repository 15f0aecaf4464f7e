package app.rapport.application.storage;

import java.util.Optional;

/**
 * Overwrites what the store still keeps of deleted documents, where that is Rapport's to do: the embedded store's
 * file. A real MongoDB is its operator's (compaction, backup rotation: {@code docs/privacy.md}).
 */
@FunctionalInterface
public interface DeadDataErasure {

    DeadDataErasure OPERATORS = Optional::empty;

    /** @return what was erased, for the log; empty where the store is not Rapport's to scrub */
    Optional<String> erase();
}
