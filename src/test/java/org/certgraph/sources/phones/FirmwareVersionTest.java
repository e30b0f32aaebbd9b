package org.certgraph.sources.phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareVersionTest {

    private static FirmwareVersion v(String text) {
        return FirmwareVersion.parse(text);
    }

    @Test
    void buildNumbersCompareNumericallyNotAsText() {
        assertThat(v("4.0.7577.4372")).isLessThan(v("4.0.7577.4420"));
        assertThat(v("4.0.7577.4420")).isLessThan(v("4.0.7577.10000"));
        assertThat(v("4.0.7577.4372").isBefore(v("4.0.7577.10000"))).isTrue();
    }

    @Test
    void versionKeySortsLikeTheVersions() {
        List<FirmwareVersion> versions = new ArrayList<>(List.of(v("4.0.7577.10000"), v("4.1"),
                v("4.0.7577.4420"), v("4.0"), v("4.0.0"), v("4.0.7577.4372"), v("5.9.5.614")));
        List<String> keys = new ArrayList<>(versions.stream().map(FirmwareVersion::versionKey)
                .toList());
        Collections.sort(versions);
        Collections.sort(keys);

        assertThat(versions.stream().map(FirmwareVersion::versionKey).toList()).isEqualTo(keys);
        assertThat(versions.get(0)).hasToString("4.0");
        assertThat(versions.get(versions.size() - 1)).hasToString("5.9.5.614");
    }

    @Test
    void differentPartCountsCompareWithMissingPartsAsZero() {
        assertThat(v("4.1")).isGreaterThan(v("4.0.7577.4372"));
        assertThat(v("4.0.7577")).isLessThan(v("4.0.7577.1"));
        assertThat(v("4.0")).isLessThan(v("4.0.0")).isNotEqualTo(v("4.0.0"));
    }

    @Test
    void leadingZerosAndSpacesDoNotMatter() {
        assertThat(v(" 5.9.5.0614 ")).isEqualTo(v("5.9.5.614")).hasToString("5.9.5.614");
        assertThat(v("5.9.5.0614").versionKey()).isEqualTo("0000000005.0000000009.0000000005"
                + ".0000000614");
    }

    @Test
    void nonNumericPartsAreRejectedWithTheValueAndWhatToWrite() {
        assertThatThrownBy(() -> v("4.0.7577.43x2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"4.0.7577.43x2\"")
                .hasMessageContaining("\"43x2\" is not a number")
                .hasMessageContaining("e.g. 4.0.7577.4372");
        assertThatThrownBy(() -> v("5.4.3AA")).hasMessageContaining("\"3AA\"");
        assertThatThrownBy(() -> v("4..1")).hasMessageContaining("empty part");
        assertThatThrownBy(() -> v("  ")).hasMessageContaining("empty");
        assertThat(FirmwareVersion.isValid("4.0.7577.4372")).isTrue();
    }
}
