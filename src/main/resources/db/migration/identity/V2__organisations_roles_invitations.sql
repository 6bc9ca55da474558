-- Organisations (a broker, an insurer, a regional union) run Égide for many cabinets. A cabinet belongs to one
-- organisation, which sees it only while the cabinet consents; every consent and withdrawal is kept, dated.
create table identity_organisation (
    id          uuid primary key,
    name        text not null,
    created_by  uuid references identity_user (id) on delete set null,
    created_at  timestamptz not null default now()
);
create unique index identity_organisation_name_uq on identity_organisation (lower(name));

-- ADMIN_ORG manages the organisation's users and the cabinets it was granted; it gives no access to contents.
create table identity_organisation_member (
    user_id          uuid not null references identity_user (id) on delete cascade,
    organisation_id  uuid not null references identity_organisation (id) on delete cascade,
    role             text not null check (role in ('ADMIN_ORG')),
    granted_at       timestamptz not null default now(),
    primary key (user_id, organisation_id)
);

-- cabinet_id refers to practice_cabinet by id only. One row per cabinet: the organisation it belongs to.
create table identity_cabinet_organisation (
    cabinet_id       uuid primary key,
    organisation_id  uuid not null references identity_organisation (id),
    attached_at      timestamptz not null default now()
);

-- The cabinet's consent, granted and withdrawn by its titulaire. Rows are never deleted: the history is the proof.
create table identity_organisation_consent (
    id               uuid primary key,
    cabinet_id       uuid not null,
    organisation_id  uuid not null references identity_organisation (id),
    granted_by       uuid not null,
    granted_at       timestamptz not null default now(),
    withdrawn_by     uuid,
    withdrawn_at     timestamptz
);
create unique index identity_organisation_consent_active_uq on identity_organisation_consent (cabinet_id)
    where withdrawn_at is null;

-- Invitations by e-mail: to a cabinet with a role, or to an organisation as ADMIN_ORG. The token is stored as a
-- SHA-256 only, used once, and expires.
create table identity_invitation (
    id               uuid primary key,
    email            text not null,
    cabinet_id       uuid,
    organisation_id  uuid references identity_organisation (id) on delete cascade,
    role             text not null check (role in ('TITULAIRE', 'SECRETARIAT', 'RELECTEUR', 'CONSEIL', 'ADMIN_ORG')),
    token_hash       text not null unique,
    invited_by       uuid not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    accepted_at      timestamptz,
    accepted_by      uuid,
    cancelled_at     timestamptz,
    check ((cabinet_id is null) <> (organisation_id is null)),
    check ((role = 'ADMIN_ORG') = (organisation_id is not null))
);
create index identity_invitation_cabinet_idx on identity_invitation (cabinet_id);

-- Who left or was removed from a cabinet, and by whom: a membership row disappears, its end stays.
create table identity_membership_end (
    id          uuid primary key,
    user_id     uuid not null,
    cabinet_id  uuid not null,
    role        text not null,
    ended_by    uuid not null,
    ended_at    timestamptz not null default now(),
    reason      text not null check (reason in ('DEPART', 'RETRAIT'))
);
