package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;

/** Graph's licence, permission and query refusals, classified by code and message whatever the status. */
class GraphErrorClassifierTest {

    private static GraphResponse answer(int status, String code, String message) {
        JsonNode body = GraphTransport.JSON.createObjectNode()
                .set("error", GraphTransport.JSON.createObjectNode().put("code", code).put("message", message));
        return GraphResponse.of(status, Map.of(), body);
    }

    @Test
    void pimWithoutP2IsALicenceAnswerAlthoughItIs400() {
        GraphResponse pim = answer(400, "AadPremiumLicenseRequired",
                "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.");

        DataGap gap = GraphErrorClassifier.gap(DataArea.ELIGIBLE_ROLE_SCHEDULES, pim);

        assertThat(gap.reason()).isEqualTo(UnknownReason.LICENSE_REQUIRED);
        assertThat(gap.licence()).isEqualTo("Microsoft Entra ID P2");
        assertThat(gap.permission()).isNull();
        assertThat(GraphErrorClassifier.refusedQuery(pim)).isFalse();
    }

    @Test
    void nonPremiumTenantIsALicenceAnswerNamingP1() {
        DataGap gap = GraphErrorClassifier.gap(DataArea.SIGN_INS, answer(403,
                "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license"));

        assertThat(gap.reason()).isEqualTo(UnknownReason.LICENSE_REQUIRED);
        assertThat(gap.licence()).isEqualTo("Microsoft Entra ID P1");
    }

    @Test
    void permissionAnswersAreToldByCodeWhateverTheStatus() {
        assertThat(GraphErrorClassifier.gap(DataArea.ROLE_ASSIGNMENTS, answer(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.")).permission())
                .isEqualTo("RoleManagement.Read.Directory");
        GraphResponse deniedAs400 = answer(400, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.");
        assertThat(GraphErrorClassifier.gap(DataArea.ROLE_ASSIGNMENTS, deniedAs400).reason())
                .isEqualTo(UnknownReason.PERMISSION_DENIED);
        assertThat(GraphErrorClassifier.refusedQuery(deniedAs400)).isFalse();
    }

    @Test
    void onlyGenuineQueryRefusalsJustifyReadingPerId() {
        assertThat(GraphErrorClassifier.refusedQuery(answer(400, "Request_UnsupportedQuery", "Unsupported Query.")))
                .isTrue();
        assertThat(GraphErrorClassifier.refusedQuery(answer(400, "BadRequest", "Invalid filter clause"))).isTrue();
        assertThat(GraphErrorClassifier.refusedQuery(answer(400, "Request_BadRequest",
                "Get By Key only supports UserId and the key has to be a valid Guid"))).isFalse();
        assertThat(GraphErrorClassifier.refusedQuery(answer(500, "UnknownError", "filter"))).isFalse();
    }

    @Test
    void otherFailuresStayGraphErrorsWithTheirStatusAndCodeOnly() {
        DataGap gap = GraphErrorClassifier.gap(DataArea.USER, answer(400, "Request_BadRequest",
                "Get By Key only supports UserId and the key has to be a valid Guid"));

        assertThat(gap.reason()).isEqualTo(UnknownReason.GRAPH_ERROR);
        assertThat(gap.detail()).isEqualTo("Graph answered 400 (Request_BadRequest)").doesNotContain("Guid");
    }
}
