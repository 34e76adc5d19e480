package io.glasswarden.accounts;

import io.glasswarden.core.LifecycleState;

/**
 * Filters of the account list: {@code status} is a readiness status (READY, AT_RISK, NOT_READY, UNKNOWN), null for
 * any; {@code lifecycleState} null means both active and retired.
 */
record AccountFilter(String status, LifecycleState lifecycleState) {
}
