package io.glasswarden.attestations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.glasswarden.core.StorableInput;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;

/** Checks what a custodian typed into the attestation form; errors are shown on the form again. */
final class FormInput {

    private FormInput() {
    }

    /** The form's input was refused; the link is not consumed. */
    static class InvalidException extends RuntimeException {
        private final List<String> errors;

        InvalidException(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        List<String> errors() {
            return errors;
        }
    }

    static AttestationRequest validate(String custodian, String kind, String statement, List<String> keysSighted,
            List<String> accountKeys) {
        List<String> errors = new ArrayList<>();
        AttestationKind parsedKind = null;
        try {
            parsedKind = AttestationKind.valueOf((kind == null ? "" : kind.trim()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("Choose what you attest: custody, drill or roster.");
        }
        if (statement == null || statement.isBlank()) {
            errors.add("Write a statement.");
        } else if (statement.length() > 4000) {
            errors.add("The statement is longer than 4000 characters.");
        } else if (StorableInput.textProblem(statement) != null) {
            errors.add("The statement contains a character that cannot be stored (NUL); remove it.");
        }
        List<String> keys = keysSighted == null ? List.of() : keysSighted;
        if (keys.stream().anyMatch(k -> !accountKeys.contains(k))) {
            errors.add("Only keys of this account can be marked as sighted.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return new AttestationRequest(parsedKind, custodian, statement.trim(), keys);
    }
}
