package io.glasswarden.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.glasswarden.core.FieldError;
import io.glasswarden.core.InvalidInputException;

/** A {@link CreateApiKeyRequest} that passed validation, normalised (trimmed name, lower-case e-mail). */
record ValidApiKeyRequest(String name, String role, String email) {

    static final int MAX_NAME_LENGTH = 100;
    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.CUSTODIAN);
    // Names become principal names in logs and audit records: printable, no control characters.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+-]*");
    // Deliberately simple: one @, no spaces, a dot in the domain. Delivery proves the rest.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Set<String> RESERVED_NAMES = Set.of(BootstrapKey.PRINCIPAL_NAME, "anonymous");

    static ValidApiKeyRequest of(CreateApiKeyRequest request) {
        if (request == null) {
            throw new InvalidInputException("name", "must not be blank");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must start with a letter or digit and contain only letters, digits,"
                    + " spaces and . _ @ + -"));
        } else if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("name", "is reserved"));
        }
        String role = request.role();
        if (role == null || !ROLES.contains(role)) {
            errors.add(new FieldError("role", "must be one of " + String.join(", ", ROLES)));
        }
        String email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().trim().toLowerCase(Locale.ROOT);
        if (Roles.CUSTODIAN.equals(role) && email == null) {
            errors.add(new FieldError("email", "is required for custodian keys"));
        } else if (email != null && role != null && ROLES.contains(role) && !Roles.CUSTODIAN.equals(role)) {
            errors.add(new FieldError("email", "is only allowed for custodian keys"));
        } else if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ValidApiKeyRequest(name, role, email);
    }
}
