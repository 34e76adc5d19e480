-- Evaluations: one run of the rule catalogue over a tenant, with its full results. Several instances may share the
-- database: workers claim QUEUED rows with FOR UPDATE SKIP LOCKED.

create table evaluations (
    id              uuid primary key,
    tenant_ref      uuid          not null references tenants (id),
    status          varchar(16)   not null,
    requested_at    timestamptz   not null,
    requested_by    varchar(256)  not null,
    started_at      timestamptz,
    completed_at    timestamptz,
    -- which instance runs it, and how often it was started (a run interrupted by a crash is re-queued once)
    claimed_by      varchar(128),
    attempts        integer       not null default 0,
    graph_requests  integer,
    summary         jsonb,
    tenant_findings jsonb,
    data_gaps       jsonb,
    error           varchar(2000),
    constraint evaluations_status check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'))
);

-- At most one queued or running evaluation per tenant: a second request gets the existing one. The service checks
-- first; this index makes it hold under concurrent requests from several instances too.
create unique index evaluations_one_active_per_tenant on evaluations (tenant_ref)
    where status in ('QUEUED', 'RUNNING');
create index evaluations_queue on evaluations (requested_at) where status = 'QUEUED';
create index evaluations_tenant_completed on evaluations (tenant_ref, completed_at desc) where status = 'COMPLETED';

-- One row per account and evaluation: the readiness object of api.md and the method ids seen (BG-062 compares with
-- the previous completed evaluation's). method_ids is null when the methods could not be read.
create table account_evaluations (
    id            uuid        primary key,
    evaluation_id uuid        not null references evaluations (id),
    account_id    uuid        not null references accounts (id),
    position      integer     not null,
    status        varchar(16) not null,
    evaluated_at  timestamptz not null,
    readiness     jsonb       not null,
    method_ids    jsonb,
    unique (evaluation_id, account_id)
);
create index account_evaluations_history on account_evaluations (account_id, evaluated_at desc);

-- New methods already alerted (BG-062): one alert per method, however many evaluations still see it unreviewed.
create table method_alerts (
    account_id uuid         not null references accounts (id),
    method_id  varchar(256) not null,
    alerted_at timestamptz  not null,
    primary key (account_id, method_id)
);
