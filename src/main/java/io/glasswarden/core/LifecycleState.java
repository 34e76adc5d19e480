package io.glasswarden.core;

/** Inventory items are retired, never deleted: auditors need their history. */
public enum LifecycleState {
    ACTIVE, RETIRED
}
