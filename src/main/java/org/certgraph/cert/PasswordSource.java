package org.certgraph.cert;

/**
 * Supplies the password for PKCS#12 files and keystores. Each call returns a fresh array that the
 * caller clears when done, or null when no password was given.
 */
@FunctionalInterface
public interface PasswordSource {

    /** A new copy of the password, or null when there is none. */
    char[] password();

    /** A source without a password. */
    static PasswordSource none() {
        return () -> null;
    }

    /**
     * A source holding a copy of {@code password} (null for none). The caller may clear its own
     * array right after this call.
     */
    static PasswordSource of(char[] password) {
        if (password == null) {
            return none();
        }
        char[] kept = password.clone();
        return kept::clone;
    }
}
