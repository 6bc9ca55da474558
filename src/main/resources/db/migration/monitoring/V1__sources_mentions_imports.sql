-- Where mentions come from. kind: IMPORT, MANUAL for now; connectors add theirs later.
create table monitoring_source (
    id          uuid primary key,
    cabinet_id  uuid not null,
    kind        text not null,
    name        text not null,
    settings    jsonb not null default '{}',
    state       text not null default 'ACTIVE' check (state in ('ACTIVE', 'EN_PAUSE', 'EN_ERREUR')),
    last_error  text,
    created_at  timestamptz not null default now()
);
create unique index monitoring_source_name_uq on monitoring_source (cabinet_id, lower(name));

-- One review or post about the practice. The publication date is a range [earliest, latest] because
-- review sites show relative dates ("il y a 3 mois"); the raw text is kept beside it.
create table monitoring_mention (
    id                   uuid primary key,
    cabinet_id           uuid not null,
    source_id            uuid not null references monitoring_source (id),
    external_id          text,
    fingerprint          text not null,
    url                  text,
    author               text,
    rating               smallint check (rating between 1 and 5),
    text                 text not null default '',
    language             text,
    published_raw        text,
    published_earliest   timestamptz,
    published_latest     timestamptz,
    published_precision  text,
    published_basis      text,
    first_seen           timestamptz not null,
    last_seen            timestamptz not null,
    status               text not null default 'NOUVEAU' check (status in ('NOUVEAU', 'LU', 'ARCHIVE')),
    version_count        integer not null default 1,
    raw                  jsonb,
    import_id            uuid,
    search               tsvector generated always as
                           (to_tsvector('french', coalesce(author, '') || ' ' || text)) stored,
    created_at           timestamptz not null default now()
);
create unique index monitoring_mention_external_uq on monitoring_mention (source_id, external_id)
    where external_id is not null;
create unique index monitoring_mention_fingerprint_uq on monitoring_mention (source_id, fingerprint)
    where external_id is null;
create index monitoring_mention_cabinet_idx on monitoring_mention (cabinet_id, published_latest desc nulls last);
create index monitoring_mention_search_idx on monitoring_mention using gin (search);

-- Every text a mention has had: authors edit and delete, and the first version is evidence. Each version
-- keeps its own date: an edited text starts its own legal clock, the original keeps its own.
create table monitoring_mention_version (
    mention_id          uuid not null references monitoring_mention (id) on delete cascade,
    version_no          integer not null,
    text                text not null,
    rating              smallint,
    seen_at             timestamptz not null,
    published_raw       text,
    published_earliest  timestamptz,
    published_latest    timestamptz,
    published_basis     text,
    import_id           uuid,
    primary key (mention_id, version_no)
);

-- One import of a file, with its counts; what was refused is listed line by line in monitoring_import_issue.
create table monitoring_import (
    id           uuid primary key,
    cabinet_id   uuid not null,
    user_id      uuid,
    file_name    text not null,
    format       text,
    charset      text,
    status       text not null check (status in ('TERMINE', 'ECHEC')),
    error        text,
    warnings     text[] not null default '{}',
    total_rows   integer not null default 0,
    created      integer not null default 0,
    updated      integer not null default 0,
    unchanged    integer not null default 0,
    duplicates   integer not null default 0,
    rejected     integer not null default 0,
    started_at   timestamptz not null,
    finished_at  timestamptz not null
);
create index monitoring_import_cabinet_idx on monitoring_import (cabinet_id, started_at desc);

create table monitoring_import_issue (
    import_id  uuid not null references monitoring_import (id) on delete cascade,
    line_no    bigint not null,
    kind       text not null check (kind in ('REJET', 'DOUBLON')),
    reason     text not null,
    excerpt    text,
    primary key (import_id, line_no)
);
