package io.glasswarden.readiness;

/** One account rule of the catalogue: a pure function of an account's context to a finding. */
public interface AccountRule {

    RuleDescriptor descriptor();

    Finding evaluate(AccountContext context);
}
