-- The tamper-evident ledger (V5). docs/ledger.md describes the hash chain and how to verify it.

-- One row per event, appended in the transaction of the change it records. The hash covers every column but hash
-- itself; data holds the canonical JSON text exactly as it was hashed (text, not jsonb: jsonb would re-format it).
create table ledger_entries (
    sequence      bigint        primary key,
    recorded_at   timestamptz   not null,
    type          varchar(64)   not null,
    tenant_id     varchar(36),
    subject_id    varchar(255),
    actor         varchar(320)  not null,
    data          text          not null,
    previous_hash varchar(64)   not null,
    hash          varchar(64)   not null,
    constraint ledger_entries_sequence_positive check (sequence > 0),
    constraint ledger_entries_hash_format check (hash ~ '^[0-9a-f]{64}$' and previous_hash ~ '^[0-9a-f]{64}$')
);

create index ledger_entries_tenant on ledger_entries (tenant_id, sequence);

-- The chain head: one row, locked (SELECT ... FOR UPDATE) by every append, so that appends from any number of
-- instances are serialized and the chain never forks. It also lets verify notice entries removed from the end.
create table ledger_head (
    id       smallint    primary key,
    sequence bigint      not null,
    hash     varchar(64) not null,
    constraint ledger_head_single_row check (id = 1)
);

insert into ledger_head (id, sequence, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Entries are append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, whoever asks. A superuser can
-- still disable triggers; that is what the hash chain detects (GET /api/v1/ledger/verify).
create function ledger_entries_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'ledger entries are append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_entries_no_update_or_delete
    before update or delete on ledger_entries
    for each row execute function ledger_entries_refuse_change();

create trigger ledger_entries_no_truncate
    before truncate on ledger_entries
    for each statement execute function ledger_entries_refuse_change();

-- The head may only move forward, one step at a time, and never disappear.
create function ledger_head_refuse_rewind() returns trigger
    language plpgsql as
$$
begin
    if tg_op <> 'UPDATE' or new.sequence <> old.sequence + 1 then
        raise exception 'the ledger head only moves forward one entry at a time: % refused', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger ledger_head_forward_only
    before update or delete on ledger_head
    for each row execute function ledger_head_refuse_rewind();

create trigger ledger_head_no_truncate
    before truncate on ledger_head
    for each statement execute function ledger_head_refuse_rewind();
