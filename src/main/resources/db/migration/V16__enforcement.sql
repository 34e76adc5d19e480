-- Mandatory MFA enforcement escalations (issue 11): one row per tenant, phase, start date and warning threshold
-- (enforcementWarningDays, 7, 1) once the escalation for it was queued. The start date is part of the key, so a
-- postponed phase is escalated again before its new date.
create table enforcement_notices (
    tenant_ref  uuid        not null references tenants (id),
    phase       varchar(16) not null,
    starts_on   date        not null,
    threshold   integer     not null,
    notified_at timestamptz not null,
    primary key (tenant_ref, phase, starts_on, threshold)
);
