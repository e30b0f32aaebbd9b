package org.certgraph.sources.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.windows.CmdletOutput.Format;
import org.certgraph.sources.windows.CmdletOutput.Parsed;
import org.junit.jupiter.api.Test;

class CmdletOutputTest {

    @Test
    void msDatesAndIsoDatesGiveTheSameInstant() {
        Instant expected = Instant.ofEpochMilli(1700000000000L);

        assertThat(CmdletOutput.instant("/Date(1700000000000)/")).isEqualTo(expected);
        assertThat(CmdletOutput.instant("\\/Date(1700000000000)\\/")).isEqualTo(expected);
        assertThat(CmdletOutput.instant("/Date(1700000000000+0100)/")).isEqualTo(expected);
        assertThat(CmdletOutput.instant("2023-11-14T23:13:20+01:00")).isEqualTo(expected);
        assertThat(CmdletOutput.instant("2023-11-14T22:13:20.0000000Z")).isEqualTo(expected);
        assertThat(CmdletOutput.instant("2023-11-14T22:13:20")).isEqualTo(expected);
        assertThat(CmdletOutput.instant("11/14/2023 10:13:20 PM")).isNull();
    }

    @Test
    void jsonDateWithDisplayHintIsItsValue() throws Exception {
        Parsed parsed = CmdletOutput.parse("x.json", "{\"NotAfter\": {\"value\":"
                + " \"\\/Date(1700000000000)\\/\", \"DisplayHint\": 2, \"DateTime\": \"Tuesday,"
                + " November 14, 2023 10:13:20 PM\"}}");

        assertThat(CmdletOutput.instant(parsed.records().get(0).text("NotAfter")))
                .isEqualTo(Instant.ofEpochMilli(1700000000000L));
    }

    @Test
    void windowsPowerShellArrayWrapperIsUnwrapped() throws Exception {
        Parsed parsed = CmdletOutput.parse("x.json",
                "{\r\n  \"value\": [\r\n    {\"A\": \"1\"},\r\n    {\"A\": \"2\"}\r\n  ],\r\n"
                        + "  \"Count\": 2\r\n}\r\n");

        assertThat(parsed.records()).extracting(r -> r.text("a")).containsExactly("1", "2");
    }

    @Test
    void wrappedListValueIsJoinedAtTheValueColumn() throws Exception {
        Parsed parsed = CmdletOutput.parse("x.txt", "\r\n\r\nName  : one two thr\r\n"
                + "        ee four\r\nItems : {a, b,\r\n         c}\r\n\r\nName  : second\r\n");

        assertThat(parsed.format()).isEqualTo(Format.LIST);
        assertThat(parsed.records()).hasSize(2);
        assertThat(parsed.records().get(0).text("name")).isEqualTo("one two three four");
        assertThat(parsed.records().get(0).list("Items")).containsExactly("a", "b", "c");
        assertThat(parsed.records().get(0).line()).isEqualTo(3);
        assertThat(parsed.records().get(1).line()).isEqualTo(8);
    }

    @Test
    void csvRecordsKnowTheirLineAfterTypeLineAndQuotedLineBreaks() throws Exception {
        Parsed parsed = CmdletOutput.parse("x.csv", "#TYPE Some.Type\r\n\"A\",\"B\"\r\n"
                + "\"1\",\"CN=x, O=\"\"y, z\"\"\"\r\n\"2\",\"two\r\nlines\"\r\n\"3\",\"\"\r\n");

        assertThat(parsed.format()).isEqualTo(Format.CSV);
        assertThat(parsed.records()).extracting(CmdletOutput.Record::line)
                .containsExactly(3L, 4L, 6L);
        assertThat(parsed.records().get(0).text("B")).isEqualTo("CN=x, O=\"y, z\"");
        assertThat(parsed.records().get(2).has("B")).isFalse();
    }

    @Test
    void listsInEveryShapeSplitAndShorteningIsNoticed() {
        CmdletOutput.Record record = new CmdletOutput.Record(1, Map.of(
                "Braced", "{a, b...}", "Plain", "a, b", "Json", List.of("a", "b"),
                "Empty", "{}"));

        assertThat(record.list("braced")).containsExactly("a", "b");
        assertThat(record.shortened("braced")).isTrue();
        assertThat(record.list("plain")).containsExactly("a", "b");
        assertThat(record.shortened("plain")).isFalse();
        assertThat(record.list("json")).containsExactly("a", "b");
        assertThat(record.list("empty")).isEmpty();
    }

    @Test
    void textThatIsNoPowerShellOutputIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> CmdletOutput.parse("notes.txt", "just some notes\n"))
                .isInstanceOf(SourceReadException.class).hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> CmdletOutput.parse("broken.json", "[{\"A\": }]"))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("broken.json line 1");
    }

    @Test
    void fileNamesNameServersAndStores() {
        assertThat(WindowsNames.serverFromFileName("lync-fe01.Contoso.com-Root.csv"))
                .isEqualTo("lync-fe01.contoso.com");
        assertThat(WindowsNames.serverFromFileName("FE01-Root.csv")).isNull();
        assertThat(WindowsNames.storeFromFileName("FE01-root.csv")).isEqualTo("Root");
        assertThat(WindowsNames.storeFromFileName("fe01.contoso.com-export.csv")).isNull();
        assertThat(WindowsNames.storeFromPath(
                "Microsoft.PowerShell.Security\\Certificate::LocalMachine\\ca")).isEqualTo("CA");
    }
}
