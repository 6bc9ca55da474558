-- People who sign in, the cabinets each one may see, and API tokens (stored hashed, never in clear).
create table identity_user (
    id             uuid primary key,
    email          text not null,
    display_name   text not null,
    password_hash  text not null,
    administrator  boolean not null default false,
    enabled        boolean not null default true,
    created_at     timestamptz not null default now()
);
create unique index identity_user_email_uq on identity_user (lower(email));

-- cabinet_id refers to practice_cabinet by id only: modules own their tables.
create table identity_membership (
    user_id     uuid not null references identity_user (id) on delete cascade,
    cabinet_id  uuid not null,
    role        text not null check (role in ('TITULAIRE', 'SECRETARIAT', 'RELECTEUR', 'CONSEIL')),
    granted_at  timestamptz not null default now(),
    primary key (user_id, cabinet_id)
);
create index identity_membership_cabinet_idx on identity_membership (cabinet_id);

create table identity_api_token (
    id          uuid primary key,
    user_id     uuid not null references identity_user (id) on delete cascade,
    token_hash  text not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index identity_api_token_user_idx on identity_api_token (user_id);
