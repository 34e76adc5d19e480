package io.glasswarden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The storable-input rules on a plain ObjectMapper: which values are refused, and that the field is named. */
class StorableInputTest {

    record Inner(String name, List<String> tags) {
    }

    record Outer(String title, Instant at, LocalDate day, List<Inner> inner, Map<String, Object> extra) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(StorableInput.module());

    @Test
    void ordinaryValuesPass() throws Exception {
        Outer outer = json
                .readValue("{\"title\":\"Emergency 🔑 ä\",\"at\":\"9999-12-31T23:59:59Z\",\"day\":\"0001-01-01\","
                        + "\"inner\":[{\"name\":\"n\",\"tags\":[\"t\"]}],\"extra\":{\"k\":[\"v\",1]}}", Outer.class);
        assertThat(outer.title()).isEqualTo("Emergency 🔑 ä");
        assertThat(outer.at()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedWithTheirPath() {
        refused("{\"title\":\"a\\u0000\"}", "title", StorableInput.TEXT_PROBLEM);
        refused("{\"title\":\"\\ud800\"}", "title", StorableInput.TEXT_PROBLEM);
        refused("{\"title\":\"x\\udc00\"}", "title", StorableInput.TEXT_PROBLEM);
        refused("{\"inner\":[{\"name\":\"ok\"},{\"name\":\"\\u0000\"}]}", "inner[1].name", StorableInput.TEXT_PROBLEM);
        refused("{\"inner\":[{\"tags\":[\"ok\",\"\\u0000\"]}]}", "inner[0].tags[1]", StorableInput.TEXT_PROBLEM);
        refused("{\"extra\":{\"k\":[\"\\u0000\"]}}", "extra.k", StorableInput.TEXT_PROBLEM);
        refused("{\"extra\":{\"k\\u0000\":1}}", "extra", "a property name " + StorableInput.TEXT_PROBLEM);
    }

    @Test
    void datesOutsideYearsOneToNineThousandNineHundredNinetyNineAreRefused() {
        refused("{\"at\":\"+10000-01-01T00:00:00Z\"}", "at", StorableInput.DATE_PROBLEM);
        refused("{\"at\":\"0000-12-31T23:59:59Z\"}", "at", StorableInput.DATE_PROBLEM);
        refused("{\"at\":\"+294277-01-01T00:00:00Z\"}", "at", StorableInput.DATE_PROBLEM);
        refused("{\"day\":\"+10000-01-01\"}", "day", StorableInput.DATE_PROBLEM);
    }

    @Test
    void untypedTreesAreCheckedToo() {
        assertThatThrownBy(() -> json.readValue("[{\"a\":\"\\u0000\"}]", new TypeReference<List<Object>>() {
        })).isInstanceOf(StorableInput.Refused.class);
        assertThat(StorableInput.textProblem("🔑")).isNull();
        assertThat(StorableInput.textProblem("\uD83D")).isEqualTo(StorableInput.TEXT_PROBLEM);
    }

    private void refused(String body, String field, String problem) {
        assertThatThrownBy(() -> json.readValue(body, Outer.class)).isInstanceOfSatisfying(StorableInput.Refused.class,
                e -> {
                    assertThat(JsonPaths.of(e.getPath())).isEqualTo(field);
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }
}
