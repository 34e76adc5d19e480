package io.glasswarden.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleCatalogue;
import io.glasswarden.readiness.RuleDescriptor;

/** The permission table is one: the code's {@link GraphAccess}, which docs/graph-permissions.md shows verbatim. */
class GraphAccessTest {

    @Test
    void everyRuleNamedExistsInTheCatalogue() {
        Set<String> ids = RuleCatalogue.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet());
        for (GraphAccess access : GraphAccess.values()) {
            assertThat(ids).as(access.name()).containsAll(access.rules());
            assertThat(access.accepted()).as(access.name()).startsWith(access.permission());
        }
    }

    @Test
    void theDocumentationShowsTheTableOfTheCode() throws Exception {
        String doc = Files.readString(Path.of("docs/graph-permissions.md"));

        assertThat(doc).as("docs/graph-permissions.md must contain this table").contains(table());
    }

    @Test
    void missingPermissionsAreGroupedWithTheUnionOfTheirRules() {
        List<ConnectionReport.Missing> missing = PermissionCheck.missing(List.of("Policy.Read.AuthenticationMethod"));

        assertThat(missing).extracting(ConnectionReport.Missing::permission)
                .containsExactly("User.Read.All", "AuditLog.Read.All", "UserAuthenticationMethod.Read.All",
                        "GroupMember.Read.All", "RoleManagement.Read.Directory", "Policy.Read.All",
                        "Organization.Read.All", "PublicKeyInfrastructure.Read.All");
        assertThat(missing.get(5).rules()).containsExactly("BG-020", "BG-021", "BG-022", "BG-T04");
        assertThat(PermissionCheck.missing(List.of()).get(5).rules())
                .containsExactly("BG-010", "BG-011", "BG-012", "BG-013", "BG-018", "BG-020", "BG-021", "BG-022",
                        "BG-T04");
        assertThat(PermissionCheck.missing(GraphAccess.required())).isEmpty();
        // higher privileged permissions Microsoft lists for the same reads also count, compared ignoring case
        assertThat(PermissionCheck.missing(List.of("directory.read.all")))
                .extracting(ConnectionReport.Missing::permission)
                .doesNotContain("User.Read.All", "GroupMember.Read.All", "Organization.Read.All");
    }

    /** The markdown table docs/graph-permissions.md carries ("The connection check's table"). */
    static String table() {
        StringBuilder out = new StringBuilder();
        for (GraphAccess access : GraphAccess.values()) {
            out.append("| `")
                    .append(access.permission())
                    .append('`')
                    .append(access.optional() ? " (optional)" : "")
                    .append(" | ")
                    .append(access.accepted().size() == 1
                            ? "—"
                            : access.accepted()
                                    .stream()
                                    .skip(1)
                                    .map(p -> "`" + p + "`")
                                    .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(String.join(", ", access.rules()))
                    .append(" | ")
                    .append(access.effect())
                    .append(" |\n");
        }
        return out.toString();
    }
}
