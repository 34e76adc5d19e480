package io.glasswarden.readiness;

import java.util.List;

/** The tenant rules' findings in catalogue order and the tenant's data gaps. */
public record TenantReadiness(List<Finding> findings, List<TenantDataGap> dataGaps) {
}
