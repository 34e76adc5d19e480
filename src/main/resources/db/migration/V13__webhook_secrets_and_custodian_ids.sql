-- V13 (issue 9, findings 5 and 8).
--
-- Webhook signing secrets are stored encrypted with an operator key (AES-256-GCM, "gwenc1:<key id>:<base64>", see
-- docs/notifications.md "Secrets"). SQL cannot encrypt without the key, so existing plaintext secrets are re-encrypted
-- by the service at its next start (WebhookSecrets.reencryptOnStart), which also re-encrypts after a key rotation.
alter table webhook_subscriptions alter column secret type varchar(512);
comment on column webhook_subscriptions.secret is 'signing secret, encrypted (gwenc1:<key id>:...); never logged';
-- During a secret rotation the former secret keeps signing (both signatures are sent) until previous_secret_until.
alter table webhook_subscriptions add column previous_secret varchar(512);
alter table webhook_subscriptions add column previous_secret_until timestamptz;

-- Custodians signed in with OIDC are matched on the immutable Entra object id and tenant id of their token
-- ("<tid>/<oid>", lower case), never on e-mail-like claims. Kept beside custodian_emails for the same reason: an
-- indexed filter for the accounts a custodian may see.
alter table accounts add column custodian_entra_ids varchar(80)[] not null default '{}';
create index accounts_custodian_entra_ids on accounts using gin (custodian_entra_ids);
