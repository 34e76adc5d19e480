package io.glasswarden.readiness.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessCsvTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(ReadinessCsv.escape("plain")).isEqualTo("plain");
        assertThat(ReadinessCsv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReadinessCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReadinessCsv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.parse(ReadinessCsv.escape("say \"hi\", \r\nthen") + ",x\r\n"))
                .containsExactly(java.util.List.of("say \"hi\", \r\nthen", "x"));
    }

    // Issue 9 finding 2: OWASP CSV injection. A UPN such as =HYPERLINK(...)@contoso.com is a valid UPN, so the
    // export must neutralise it rather than rely on input validation.
    @Test
    void cellsThatASpreadsheetWouldEvaluateAreNeutralisedWithAQuote() {
        assertThat(ReadinessCsv.escape("=HYPERLINK(\"https://evil.example\")@contoso.com"))
                .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\")@contoso.com\"");
        assertThat(ReadinessCsv.escape("+1+cmd|' /C calc'!A0@contoso.com"))
                .isEqualTo("'+1+cmd|' /C calc'!A0@contoso.com");
        assertThat(ReadinessCsv.escape("-2+3@contoso.com")).isEqualTo("'-2+3@contoso.com");
        assertThat(ReadinessCsv.escape("@SUM(1+1)@contoso.com")).isEqualTo("'@SUM(1+1)@contoso.com");
        assertThat(ReadinessCsv.escape("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ReadinessCsv.escape("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(ReadinessCsv.escape("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
        // Ordinary values are untouched, including ones with those characters later on.
        assertThat(ReadinessCsv.escape("bg-01@contoso.com")).isEqualTo("bg-01@contoso.com");
        assertThat(ReadinessCsv.escape("")).isEmpty();
        assertThat(Csv.parse(ReadinessCsv.escape("=1+2,\"x\"") + "\r\n")).containsExactly(java.util.List.of(
                "'=1+2,\"x\""));
    }
}
