-- Spring Modulith's event publication registry: an event stays here until every listener completed,
-- so background work triggered by an event survives a crash or a restart.
create table if not exists event_publication (
    id                      uuid primary key,
    listener_id             text not null,
    event_type              text not null,
    serialized_event        text not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

create table if not exists event_publication_archive (
    id                      uuid primary key,
    listener_id             text not null,
    event_type              text not null,
    serialized_event        text not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);
create index if not exists event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index if not exists event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);
