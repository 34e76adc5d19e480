package io.glasswarden.security;

import java.util.List;

/** Who the API sees: lets users and automation check a key or token before using it. */
public record CallerView(String name, List<String> roles, String email) {
}
