package io.glasswarden.notifications;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders the HTML and plain-text parts of an e-mail from {@code templates/mail/NAME.html} and {@code NAME.txt}. Each
 * template also gets {@code publicUrl} (for links) and {@code subject}; docs/notifications.md lists the other keys.
 */
@ApplicationScoped
class MailRenderer {

    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Engine engine;
    private final String publicUrl;

    MailRenderer(Engine engine, @ConfigProperty(name = "glasswarden.public-url") String publicUrl) {
        this.engine = engine;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    RenderedEmail render(OutgoingEmail email) {
        if (email.to() == null || email.to().isBlank() || email.subject() == null || email.subject().isBlank()) {
            throw new IllegalArgumentException("An e-mail needs a recipient and a subject");
        }
        return new RenderedEmail(email.to().trim(), email.subject().trim(), render(email, "html"),
                render(email, "txt"));
    }

    private String render(OutgoingEmail email, String suffix) {
        String name = email.template() == null ? "" : email.template();
        // "base" is the layout, not a message
        Template template = TEMPLATE_NAME.matcher(name).matches() && !name.equals("base")
                ? engine.getTemplate("mail/" + name + "." + suffix)
                : null;
        if (template == null) {
            throw new IllegalArgumentException("No e-mail template mail/" + name + "." + suffix);
        }
        TemplateInstance instance = template.instance();
        if (email.data() != null) {
            email.data().forEach(instance::data);
        }
        return instance.data("publicUrl", publicUrl).data("subject", email.subject()).render();
    }
}
