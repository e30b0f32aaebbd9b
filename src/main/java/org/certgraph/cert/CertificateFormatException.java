package org.certgraph.cert;

/**
 * Thrown when bytes that should hold one X.509 certificate do not. The message says what is
 * wrong in words a user can act on.
 */
public class CertificateFormatException extends RuntimeException {

    /** Creates the exception with a message for the user. */
    public CertificateFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a message for the user and the error that caused it. */
    public CertificateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
