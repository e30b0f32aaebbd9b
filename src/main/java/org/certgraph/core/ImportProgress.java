package org.certgraph.core;

/** Receives progress while an import runs; the CLI draws it, tests ignore it. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** The import found {@code files} files to read. */
    default void started(int files) {
    }

    /** One more file was read. */
    default void fileRead(String file, int certificates) {
    }

    /** Reading is done; chains and trust entries are being written. */
    default void finished() {
    }
}
