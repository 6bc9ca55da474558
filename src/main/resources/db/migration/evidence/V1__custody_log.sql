-- Chain of custody of evidence bundles: who captured, sealed, viewed, exported or shared a bundle, and when.
-- Insert-only and hash-chained per bundle: each entry holds the hash of the previous one, and the database
-- itself refuses UPDATE and DELETE, so that a history cannot be rewritten even by the application.
create table evidence_custody (
    seq            bigint generated always as identity primary key,
    capture_id     text not null,
    position       integer not null,
    action         text not null check (action in ('CAPTURE', 'SCELLEMENT', 'CONSULTATION', 'EXPORT', 'PARTAGE', 'VERIFICATION')),
    actor          text not null,
    at             timestamptz not null,
    detail         text not null default '',
    previous_hash  text not null,
    hash           text not null,
    unique (capture_id, position)
);

create function evidence_custody_is_insert_only() returns trigger language plpgsql as $$
begin
    raise exception 'Le journal de la chaîne de preuve ne se modifie pas et ne s''efface pas (%).', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger evidence_custody_insert_only before update or delete on evidence_custody
    for each row execute function evidence_custody_is_insert_only();
create trigger evidence_custody_no_truncate before truncate on evidence_custody
    for each statement execute function evidence_custody_is_insert_only();
