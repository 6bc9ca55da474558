-- A cabinet (practice) and the health professionals who work there.
create table practice_cabinet (
    id           uuid primary key,
    name         text not null check (length(name) between 1 and 200),
    street       text,
    postal_code  text,
    city         text,
    demo         boolean not null default false,
    created_at   timestamptz not null default now()
);

create table practice_practitioner (
    id                     uuid primary key,
    cabinet_id             uuid not null references practice_cabinet (id) on delete cascade,
    civility               text not null,
    first_name             text not null,
    last_name              text not null,
    profession             text not null,
    specialty              text,
    rpps                   char(11) check (rpps ~ '^[0-9]{11}$'),
    addresses              text[] not null default '{}',
    name_variants          text[] not null default '{}',
    insurer                text,
    policy_number          text,
    ereputation_guarantee  boolean not null default false,
    created_at             timestamptz not null default now()
);
create index practice_practitioner_cabinet_idx on practice_practitioner (cabinet_id);
create unique index practice_practitioner_rpps_uq on practice_practitioner (cabinet_id, rpps) where rpps is not null;
