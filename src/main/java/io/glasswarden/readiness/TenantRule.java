package io.glasswarden.readiness;

/** One tenant rule of the catalogue ({@code BG-T..}): a pure function of the tenant's context to a finding. */
public interface TenantRule {

    RuleDescriptor descriptor();

    Finding evaluate(TenantContext context);
}
