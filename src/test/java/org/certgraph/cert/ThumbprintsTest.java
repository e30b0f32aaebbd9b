package org.certgraph.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThumbprintsTest {

    private static final String SHA1 = "3B1EFD3A66EA28B16697394703A72CA340A05BD5";
    private static final String SHA256 =
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";

    @Test
    void removesSpacesAndUpperCases() {
        assertThat(Thumbprints.normalise("3b 1e fd 3a 66 ea 28 b1 66 97 39 47 03 a7 2c a3 40 a0"
                + " 5b d5")).isEqualTo(SHA1);
    }

    @Test
    void removesColonsAndHyphens() {
        assertThat(Thumbprints.normalise("3B:1E:FD:3A:66:EA:28:B1:66:97:39:47:03:A7:2C:A3:40:A0"
                + ":5B:D5")).isEqualTo(SHA1);
        assertThat(Thumbprints.normalise("3b1efd3a-66ea28b1-66973947-03a72ca3-40a05bd5"))
                .isEqualTo(SHA1);
    }

    @Test
    void removesInvisibleMarkCopiedFromWindowsDialog() {
        assertThat(Thumbprints.normalise("\u200E3b 1e fd 3a 66 ea 28 b1 66 97 39 47 03 a7 2c a3"
                + " 40 a0 5b d5")).isEqualTo(SHA1);
        assertThat(Thumbprints.normalise("\uFEFF" + SHA1 + "\u200B\u200F")).isEqualTo(SHA1);
    }

    @Test
    void removesNoBreakSpacesAndLineBreaks() {
        assertThat(Thumbprints.normalise("3B1EFD3A66\u00A0EA28B16697\t394703A72CA3\r\n40A05BD5 "))
                .isEqualTo(SHA1);
    }

    @Test
    void acceptsSha256() {
        assertThat(Thumbprints.normalise(SHA256.toLowerCase())).isEqualTo(SHA256);
        assertThat(Thumbprints.isSha256(SHA256)).isTrue();
        assertThat(Thumbprints.isSha1(SHA256)).isFalse();
        assertThat(Thumbprints.isSha1("3b:1e" + SHA1.substring(4))).isTrue();
        assertThat(Thumbprints.isValid("nonsense")).isFalse();
    }

    @Test
    void explainsBadLength() {
        assertThatThrownBy(() -> Thumbprints.normalise("3B:1E:FD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"3B:1E:FD\"")
                .hasMessageContaining("6 hex digits")
                .hasMessageContaining("40 hex digits (SHA-1)")
                .hasMessageContaining("64 hex digits (SHA-256)");
    }

    @Test
    void explainsCharactersThatAreNotHex() {
        assertThatThrownBy(() -> Thumbprints.normalise(SHA1.substring(1) + "G"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'G'")
                .hasMessageContaining("not a hex digit");
        assertThatThrownBy(() -> Thumbprints.normalise(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no thumbprint");
    }
}
