package io.glasswarden.readiness.rules;

import java.util.List;
import java.util.function.Function;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;

/**
 * The gate of every rule about the account's FIDO2 keys (BG-012 … BG-016): keys unreadable → UNKNOWN, none
 * registered → NOT_APPLICABLE, else the rule judges the keys.
 */
final class RegisteredKeys {

    private RegisteredKeys() {
    }

    static Finding judge(RuleDescriptor rule, AccountContext context,
            Function<List<AuthenticationMethod>, Finding> withKeys) {
        Fact<List<AuthenticationMethod>> keys = context.methodsOf(MethodKind.FIDO2);
        if (!keys.isKnown()) {
            return rule.unknown(keys.missing().orElseThrow());
        }
        if (keys.value().isEmpty()) {
            return rule.notApplicable("No FIDO2 key is registered on the account.", Evidence.of("fido2Keys", 0));
        }
        return withKeys.apply(keys.value());
    }
}
