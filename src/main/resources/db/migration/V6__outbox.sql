-- Notifications (V6): webhook subscriptions and the transactional outbox. docs/notifications.md explains both.

create table webhook_subscriptions (
    id          uuid          primary key,
    url         varchar(2048) not null,
    -- CloudEvent types this subscriber wants; empty means all. An entry ending in ".*" matches a prefix.
    event_types jsonb         not null,
    description varchar(256),
    -- The HMAC key for signatures. It must be readable to sign, so it cannot be hashed; it is returned once at
    -- creation and never logged (docs/notifications.md, "Secrets").
    secret      varchar(128)  not null,
    created_at  timestamptz   not null,
    created_by  varchar(320)  not null
);

-- Messages are written in the transaction of the change that causes them and sent afterwards by the dispatcher,
-- so a message is never lost when SMTP or a receiver is down, and never sent for a change that rolled back.
create table outbox_messages (
    id                uuid          primary key,
    kind              varchar(16)   not null,
    -- e-mail: the recipient address; webhook: the subscription's URL at the time of queueing (for operators)
    destination       varchar(2048) not null,
    subscription_id   uuid          references webhook_subscriptions (id) on delete cascade,
    -- e-mail: {"to","subject","html","text"} as rendered when queued; webhook: the CloudEvent body, byte for byte
    payload           text          not null,
    deduplication_key varchar(400),
    status            varchar(16)   not null,
    attempts          integer       not null default 0,
    next_attempt_at   timestamptz   not null,
    last_error        varchar(1000),
    created_at        timestamptz   not null,
    sent_at           timestamptz,
    constraint outbox_messages_kind_check check (kind in ('EMAIL', 'WEBHOOK')),
    constraint outbox_messages_status_check check (status in ('PENDING', 'SENT', 'DEAD')),
    constraint outbox_messages_webhook_check check ((kind = 'WEBHOOK') = (subscription_id is not null)),
    constraint outbox_messages_deduplication_key_unique unique (deduplication_key)
);

-- What the dispatcher claims: due pending messages, oldest first.
create index outbox_messages_due on outbox_messages (next_attempt_at) where status = 'PENDING';
create index outbox_messages_dead on outbox_messages (created_at) where status = 'DEAD';
