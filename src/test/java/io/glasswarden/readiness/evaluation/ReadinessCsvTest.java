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
}
