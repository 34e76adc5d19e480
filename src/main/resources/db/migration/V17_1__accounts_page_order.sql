-- Account pages in creation order (V17.1, issue 10). GET /api/v1/tenants/{id}/accounts sorts a tenant's active
-- accounts by (created_at, id): without this index PostgreSQL read and sorted all of a tenant's rows for every page
-- (measured in docs/benchmarks/api.md: half of a page's CPU at 990 accounts per tenant); with it, it reads them in
-- order and stops after the page.
create index accounts_tenant_state_created on accounts (tenant_ref, lifecycle_state, created_at, id);
