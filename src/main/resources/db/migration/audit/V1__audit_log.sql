-- The audit log of sensitive acts (sign-ins and failures, role changes, dossiers and evidence viewed, exports,
-- letters, replies published, settings changed, GDPR exports and deletions).
-- Insert-only and hash-chained per cabinet: each entry holds the hash of the previous entry of its chain
-- ('global' for acts that concern no cabinet, such as a failed sign-in), and the database refuses UPDATE, DELETE
-- and TRUNCATE, so that a history cannot be rewritten even by the application. A cabinet's deletion keeps its
-- chain and appends a tombstone entry.
create table audit_entry (
    id           bigint generated always as identity primary key,
    chain        text not null,
    seq          bigint not null,
    at           timestamptz not null,
    actor_id     uuid,
    cabinet_id   uuid,
    action       text not null,
    object_type  text not null default '',
    object_id    text not null default '',
    details      jsonb not null default '{}',
    prev_hash    text not null,
    hash         text not null,
    unique (chain, seq)
);
create index audit_entry_cabinet on audit_entry (cabinet_id, at desc);

create function audit_entry_is_insert_only() returns trigger language plpgsql as $$
begin
    raise exception 'Le journal d''audit ne se modifie pas et ne s''efface pas (%).', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_insert_only before update or delete on audit_entry
    for each row execute function audit_entry_is_insert_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_insert_only();

-- Other roles of the database (reporting accounts, a DBA's read-only login) may read, never change. The owner,
-- which the application runs as, keeps only what the triggers leave: INSERT and SELECT.
revoke update, delete, truncate on audit_entry from public;

-- Per cabinet retention of personal data (months; null: kept until deleted by hand).
create table audit_retention (
    cabinet_id       uuid primary key,
    raw_months       int check (raw_months is null or raw_months between 1 and 240),
    closed_months    int check (closed_months is null or closed_months between 1 and 240),
    updated_at       timestamptz not null default now(),
    updated_by       uuid
);
