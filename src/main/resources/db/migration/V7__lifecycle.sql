-- Drills, attestations and the sign-in watch. Drills and attestations are append-only records: only a drill's
-- verification changes (PENDING -> settled), and attestations never change.

create table drills (
    id                 uuid primary key,
    account_ref        uuid          not null references accounts (id),
    performed_at       timestamptz   not null,
    performed_by       varchar(320)  not null,
    outcome            varchar(16)   not null,
    credential_used    varchar(256),
    notes              varchar(4000),
    verification       varchar(16)   not null,
    matched_sign_in_id varchar(64),
    verified_at        timestamptz,
    recorded_by        varchar(256)  not null,
    recorded_at        timestamptz   not null
);
create index drills_account on drills (account_ref, performed_at desc);
create index drills_pending on drills (verification) where verification = 'PENDING';

create table attestations (
    id           uuid primary key,
    account_ref  uuid          not null references accounts (id),
    kind         varchar(16)   not null,
    attested_by  varchar(320)  not null,
    statement    varchar(4000) not null,
    keys_sighted jsonb         not null,
    via          varchar(16)   not null,
    recorded_by  varchar(256)  not null,
    attested_at  timestamptz   not null
);
create index attestations_account on attestations (account_ref, attested_at desc);

-- Ids of attestation links sent by e-mail; a link is accepted once (used_at), and never after expires_at.
create table attestation_links (
    id             uuid primary key,
    account_ref    uuid         not null references accounts (id),
    custodian      varchar(320) not null,
    expires_at     timestamptz  not null,
    created_at     timestamptz  not null,
    used_at        timestamptz
);
create index attestation_links_account on attestation_links (account_ref, custodian, created_at desc);

-- Secrets the instances share (e.g. the attestation link key when none is configured): the first writer wins.
create table lifecycle_secrets (
    name       varchar(64) primary key,
    secret     varchar(128) not null,
    created_at timestamptz  not null
);

-- Sign-ins of emergency accounts seen by the watch, once per Entra sign-in id.
create table observed_sign_ins (
    id              uuid primary key,
    account_ref     uuid         not null references accounts (id),
    sign_in_id      varchar(64)  not null,
    created_at      timestamptz  not null,
    succeeded       boolean      not null,
    error_code      integer      not null,
    failure_reason  varchar(512),
    interactive     boolean,
    app_display_name varchar(256),
    ip_address      varchar(64),
    observed_at     timestamptz  not null,
    constraint observed_sign_ins_unique unique (account_ref, sign_in_id)
);
create index observed_sign_ins_account on observed_sign_ins (account_ref, created_at desc);

-- How far each tenant's sign-in logs have been read (the next poll starts here minus an overlap).
create table sign_in_watermarks (
    tenant_ref uuid primary key references tenants (id),
    read_until timestamptz not null
);

-- A sign-in (BG-042) or a new authentication method (BG-062) a person reviewed and classified.
create table acknowledgements (
    id             uuid primary key,
    account_ref    uuid          not null references accounts (id),
    subject_kind   varchar(16)   not null,
    subject_id     varchar(128)  not null,
    classification varchar(16),
    note           varchar(4000),
    acknowledged_by varchar(256) not null,
    acknowledged_at timestamptz  not null,
    constraint acknowledgements_unique unique (account_ref, subject_kind, subject_id)
);
