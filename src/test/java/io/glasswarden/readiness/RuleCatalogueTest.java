package io.glasswarden.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    @Test
    void listsEveryRuleOfTheContractInIdOrder() {
        assertThat(RuleCatalogue.descriptors()).extracting(RuleDescriptor::id)
                .containsExactly("BG-001", "BG-002",
                        "BG-003", "BG-004", "BG-010", "BG-011", "BG-012", "BG-013", "BG-014", "BG-015", "BG-016",
                        "BG-018",
                        "BG-020", "BG-021", "BG-022", "BG-030", "BG-040", "BG-041", "BG-042", "BG-043", "BG-050",
                        "BG-051",
                        "BG-060",
                        "BG-061", "BG-062", "BG-T01", "BG-T02", "BG-T03", "BG-T04", "BG-T05");
    }

    @Test
    void severitiesMatchTheContract() {
        List<RuleDescriptor> d = RuleCatalogue.descriptors();
        assertThat(d).filteredOn(r -> r.severity() == Severity.CRITICAL)
                .extracting(RuleDescriptor::id)
                .containsExactly("BG-001", "BG-010", "BG-022", "BG-T01");
        assertThat(d).filteredOn(r -> r.severity() == Severity.LOW)
                .extracting(RuleDescriptor::id)
                .containsExactly("BG-016", "BG-051");
        assertThat(d).filteredOn(r -> r.severity() == Severity.INFO)
                .extracting(RuleDescriptor::id)
                .containsExactly("BG-T04");
        assertThat(d).filteredOn(r -> r.severity() == Severity.MEDIUM)
                .extracting(RuleDescriptor::id)
                .containsExactly("BG-004", "BG-014", "BG-015", "BG-021", "BG-040", "BG-041", "BG-050", "BG-060",
                        "BG-T03");
    }

    @Test
    void everyRuleHasRemediationAndAMicrosoftLearnReference() {
        assertThat(RuleCatalogue.descriptors()).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank();
            assertThat(r.remediation()).isNotBlank();
            assertThat(r.reference()).startsWith("https://learn.microsoft.com/en-us/");
        });
    }
}
