-- The current directory snapshot of each tenant (docs/snapshot-format.md); an upload replaces it.
create table directory_snapshots (
    tenant_id   varchar(36)  primary key references tenants (tenant_id),
    captured_at timestamptz  not null,
    uploaded_at timestamptz  not null,
    uploaded_by varchar(256) not null,
    document    jsonb        not null
);
