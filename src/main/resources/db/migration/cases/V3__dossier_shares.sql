-- A dossier shared by the cabinet's titulaire with a CONSEIL (the lawyer), who then reads it and exports it.
-- A withdrawn share is kept, dated, with who withdrew it.
create table cases_dossier_share (
    id          uuid primary key,
    dossier_id  uuid not null references cases_dossier (id) on delete cascade,
    user_id     uuid not null,
    shared_by   uuid not null,
    shared_at   timestamptz not null default now(),
    revoked_by  uuid,
    revoked_at  timestamptz
);
create unique index cases_dossier_share_active_uq on cases_dossier_share (dossier_id, user_id) where revoked_at is null;
create index cases_dossier_share_user_idx on cases_dossier_share (user_id);
