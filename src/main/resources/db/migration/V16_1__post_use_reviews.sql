-- Post-use reviews (issue 11, BG-043): opened when a sign-in of an emergency account is acknowledged as EMERGENCY or
-- MISUSE. The custody attestation and drill steps close by themselves from those records; the credentials step is
-- recorded by an operator (what was done). completed_at is set once all steps were found closed.
create table post_use_reviews (
    id                     uuid primary key,
    account_ref            uuid          not null references accounts (id),
    sign_in_id             varchar(128)  not null,
    classification         varchar(16)   not null,
    sign_in_at             timestamptz   not null,
    opened_at              timestamptz   not null,
    opened_by              varchar(256)  not null,
    credentials_action     varchar(16),
    credentials_note       varchar(4000),
    credentials_by         varchar(256),
    credentials_at         timestamptz,
    completed_at           timestamptz,
    constraint post_use_reviews_unique unique (account_ref, sign_in_id)
);
create index post_use_reviews_account on post_use_reviews (account_ref, opened_at desc);
create index post_use_reviews_open on post_use_reviews (completed_at) where completed_at is null;
