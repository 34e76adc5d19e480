-- Console sign-in sessions (V17). Only hashes are stored: of the session token the browser holds in its cookie, and
-- of the API key used to sign in, which is looked up again on every request so that revoking the key ends the
-- session at once. The CSRF token is compared with the hidden field of every console form.
create table console_sessions (
    id           uuid primary key,
    token_hash   varchar(64) not null,
    key_hash     varchar(64) not null,
    csrf_token   varchar(64) not null,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null,
    constraint console_sessions_token_hash_unique unique (token_hash)
);
create index console_sessions_expires_at on console_sessions (expires_at);
