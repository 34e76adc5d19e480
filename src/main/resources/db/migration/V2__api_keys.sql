-- API keys (security area, V2). Only a SHA-256 hash of each key is stored; revoked keys are kept for audit.
create table api_keys (
    id           uuid primary key,
    name         varchar(100) not null,
    role         varchar(40)  not null,
    email        varchar(254),
    -- The first characters of the key, shown in lists so that people can tell keys apart; not a secret.
    prefix       varchar(16)  not null,
    -- Hex SHA-256 of the whole key: the lookup is by hash, so it must be unique.
    key_hash     varchar(64)  not null,
    created_at   timestamptz  not null,
    created_by   varchar(320) not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(320),
    constraint api_keys_key_hash_unique unique (key_hash),
    constraint api_keys_role_check check (role in ('glasswarden.admin', 'glasswarden.operator',
                                                   'glasswarden.auditor', 'glasswarden.custodian')),
    -- A custodian key acts for one custodian, identified by e-mail; other keys have none.
    constraint api_keys_custodian_email_check check ((role = 'glasswarden.custodian') = (email is not null)),
    constraint api_keys_revocation_check check ((revoked_at is null) = (revoked_by is null))
);

-- Names are principal names in audit records: unique regardless of case, revoked keys included.
create unique index api_keys_name_unique on api_keys (lower(name));
create index api_keys_created_at on api_keys (created_at desc);
