-- Why a tenant's evaluation trigger could not be scheduled (null when its schedule is in force). Written by the
-- scheduler (TenantTriggers), shown in the tenant's representation and counted by glasswarden_tenant_schedule_problems.
alter table tenants add column schedule_problem varchar(1000);
