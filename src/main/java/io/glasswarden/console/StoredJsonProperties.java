package io.glasswarden.console;

import io.glasswarden.core.StoredJson;
import io.quarkus.qute.TemplateExtension;

/**
 * {@code {account.readiness.status}} in the console's templates: a property of a stored JSON object (an account's
 * readiness), read by name as from a map.
 */
final class StoredJsonProperties {

    private StoredJsonProperties() {
    }

    @TemplateExtension(matchName = TemplateExtension.ANY)
    static Object property(StoredJson json, String name) {
        return json.asMap().get(name);
    }
}
