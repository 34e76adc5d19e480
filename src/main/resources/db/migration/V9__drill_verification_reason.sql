-- Why an UNVERIFIABLE drill could not be checked against the sign-in logs (api.md "Drills"): logs-expired when its
-- window lies before the oldest sign-in the logs still hold, else the licence or permission that was missing.
alter table drills add column verification_reason varchar(40);
