package org.certgraph.cert;

import java.security.Provider;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Shared, thread-safe helpers: one Bouncy Castle provider instance and hex formatting. */
final class Crypto {

    /** Used directly by instance, never registered with the JVM's list of providers. */
    static final Provider BC = new BouncyCastleProvider();

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Crypto() {
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String hex(byte[] bytes, int from, int to) {
        return HEX.formatHex(bytes, from, to);
    }
}
