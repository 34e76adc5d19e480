-- Custody changes (issue 11): a custodian of an account was removed or replaced. A drill is due from that day on
-- until a drill succeeds after it; the remaining custodians are asked to attest custody.
create table custody_changes (
    account_ref uuid          not null references accounts (id),
    changed_at  timestamptz   not null,
    removed     varchar(4000) not null
);
create index custody_changes_account on custody_changes (account_ref, changed_at desc);
