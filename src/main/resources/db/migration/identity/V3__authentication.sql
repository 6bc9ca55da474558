-- Authentication (issue 9): second factor, OIDC link, personal scoped API tokens and brute-force throttling.

-- TOTP (RFC 6238): the shared secret in Base32, set once the user has confirmed a first code; the last time step
-- accepted, so that a code cannot be replayed within its 30 seconds.
alter table identity_user
    add column totp_secret        text,
    add column totp_enabled_at    timestamptz,
    add column totp_last_step     bigint,
    -- The RPPS number of the practitioner this account is, for a sign-in with Pro Santé Connect.
    add column rpps               text check (rpps is null or rpps ~ '^[0-9]{11}$'),
    add column password_changed_at timestamptz;
create unique index identity_user_rpps_uq on identity_user (rpps) where rpps is not null;

-- One-time recovery codes, stored as SHA-256 (each has 80 random bits: a fast hash is enough).
create table identity_recovery_code (
    id          uuid primary key,
    user_id     uuid not null references identity_user (id) on delete cascade,
    code_hash   text not null,
    created_at  timestamptz not null default now(),
    used_at     timestamptz
);
create index identity_recovery_code_user_idx on identity_recovery_code (user_id);

-- Tokens become personal and scoped: a name to recognise them, READ (GET only) or WRITE, and when last used.
-- Existing tokens keep what they could do (WRITE).
alter table identity_api_token
    add column name          text not null default 'Jeton',
    add column scope         text not null default 'WRITE' check (scope in ('READ', 'WRITE')),
    add column last_used_at  timestamptz;

-- Failures per account (the e-mail typed, lower-cased, whether an account has it or not) and per IP address.
-- In the database so that every instance of Égide sees the same counts.
create table identity_sign_in_throttle (
    kind              text not null check (kind in ('ACCOUNT', 'ADDRESS')),
    key               text not null,
    failures          integer not null default 0,
    last_failure_at   timestamptz not null default now(),
    locked_until      timestamptz,
    primary key (kind, key)
);
