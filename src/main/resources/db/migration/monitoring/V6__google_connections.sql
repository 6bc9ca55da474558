-- A Google account a cabinet connected through OAuth 2.0, to read its own listing's reviews and post replies.
-- Tokens are encrypted (AES-256-GCM, "v1:" prefix) under a key kept outside the database: a dump of it gives no
-- access to the practitioner's Google account. A withdrawn authorisation is kept, dated, with the reason.
create table monitoring_google_connection (
    id                 uuid primary key,
    cabinet_id         uuid not null,
    created_by         uuid,
    created_at         timestamptz not null default now(),
    scope              text,
    refresh_token      text not null check (refresh_token like 'v1:%'),
    access_token       text check (access_token like 'v1:%'),
    access_expires_at  timestamptz,
    refreshed_at       timestamptz,
    revoked_at         timestamptz,
    revoked_reason     text
);
create index monitoring_google_connection_cabinet on monitoring_google_connection (cabinet_id);

-- The OAuth "state" of a consent under way: only its SHA-256 is kept, it serves once, for ten minutes, to the
-- user who started it (protection against cross-site request forgery on the callback).
create table monitoring_oauth_state (
    state_hash  text primary key,
    cabinet_id  uuid not null,
    user_id     uuid not null,
    expires_at  timestamptz not null
);
