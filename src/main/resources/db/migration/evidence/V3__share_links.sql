-- Links that let a lawyer, an insurer or a commissaire de justice download a sealed bundle without an account:
-- only the SHA-256 of the secret token is stored; a link expires and can be revoked, and is never deleted.
-- Creating a link and each download are written in the bundle's chain of custody.
create table evidence_share (
    id             uuid primary key,
    capture_id     text not null references evidence_capture (id),
    token_sha256   text not null unique,
    recipient      text not null,
    created_by     text not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz
);
create index evidence_share_capture on evidence_share (capture_id, created_at desc);
