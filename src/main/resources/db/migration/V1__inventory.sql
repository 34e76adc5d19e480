-- Inventory: tenants and their emergency accounts. Rows are retired, never deleted (history is kept).

create table tenants (
    id              uuid primary key,
    tenant_id       varchar(36)  not null unique,
    display_name    varchar(256) not null,
    cloud           varchar(16)  not null,
    directory       varchar(16)  not null,
    settings        jsonb        not null,
    lifecycle_state varchar(16)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    retired_at      timestamptz,
    version         bigint       not null
);

create table accounts (
    id                       uuid primary key,
    tenant_ref               uuid          not null references tenants (id),
    user_principal_name      varchar(320),
    object_id                varchar(36),
    display_name             varchar(256),
    expects_certificate_auth boolean       not null,
    custodians               jsonb         not null,
    -- lower-case custodian e-mails, so that custodians' visibility is one indexed query
    custodian_emails         varchar(320)[] not null,
    physical_keys            jsonb         not null,
    notes                    varchar(4000),
    lifecycle_state          varchar(16)   not null,
    readiness_status         varchar(16),
    readiness                jsonb,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    retired_at               timestamptz,
    version                  bigint        not null,
    constraint accounts_identified check (user_principal_name is not null or object_id is not null)
);

-- An account may be inventoried once while active; retired rows keep their history.
create unique index accounts_active_object_id on accounts (tenant_ref, object_id)
    where lifecycle_state = 'ACTIVE' and object_id is not null;
create unique index accounts_active_upn on accounts (tenant_ref, lower(user_principal_name))
    where lifecycle_state = 'ACTIVE' and user_principal_name is not null;
create index accounts_tenant_status on accounts (tenant_ref, lifecycle_state, readiness_status);
create index accounts_custodian_emails on accounts using gin (custodian_emails);
