-- Sources read by connectors (Google, search engines, feeds, web pages) are scanned on a schedule. The cursor
-- advances in the transaction that stores a page's items, so a crash re-fetches and never skips.
alter table monitoring_source
    add column cursor                text,
    add column interval_minutes      integer not null default 1440 check (interval_minutes between 5 and 44640),
    add column window_start          time,
    add column window_end            time,
    add column next_run_at           timestamptz,
    add column last_run_at           timestamptz,
    add column last_success_at       timestamptz,
    add column consecutive_failures  integer not null default 0,
    add column last_warnings         text[] not null default '{}',
    add column credentials           text;
create index monitoring_source_due on monitoring_source (next_run_at) where state = 'ACTIVE' and next_run_at is not null;

-- Every scan of a source, kept: when it ran, what it found, what failed, and the facts it proved (a watched
-- page's content hash and status at that time).
create table monitoring_scan (
    id           uuid primary key,
    source_id    uuid not null references monitoring_source (id),
    started_at   timestamptz not null,
    finished_at  timestamptz,
    status       text not null check (status in ('EN_COURS', 'TERMINE', 'PARTIEL', 'ECHEC')),
    instance     text,
    pages        integer not null default 0,
    items        integer not null default 0,
    created      integer not null default 0,
    updated      integer not null default 0,
    removed      integer not null default 0,
    warnings     text[] not null default '{}',
    error        text,
    checks       jsonb not null default '[]'
);
create index monitoring_scan_source on monitoring_scan (source_id, started_at desc);

-- A mention that vanished from a source listing its whole history (Google Business Profile) was removed: the
-- date it was first seen missing is an outcome a dossier waits for. It comes back if it reappears.
alter table monitoring_mention add column removed_at timestamptz;
