-- The ranking each scan of a search source saw, result by result: which query (name variant) and engines found
-- which page at which position, on the first page or not, and whether it shows the practitioner's professional or
-- private life (with the rule that decided). Positions over time, new results and results that left the first
-- page are read from here; the analysis reads whether a mention is on the first page.
create table monitoring_search_result (
    scan_id     uuid not null references monitoring_scan (id) on delete cascade,
    source_id   uuid not null references monitoring_source (id),
    scanned_at  timestamptz not null,
    query       text not null,
    engines     text,
    url_key     text not null,
    url         text not null,
    title       text,
    position    integer not null check (position > 0),
    first_page  boolean not null,
    classement  text not null check (classement in ('PRO', 'PERSO', 'INDETERMINE')),
    rule        text,
    primary key (scan_id, query, url_key)
);
comment on column monitoring_search_result.scanned_at is 'start of the scan: every row of a scan shares it';
comment on column monitoring_search_result.url_key is 'normalised URL: the external id of the result''s mention';
create index monitoring_search_result_url on monitoring_search_result (source_id, url_key, scanned_at desc);
create index monitoring_search_result_scan on monitoring_search_result (source_id, scanned_at desc);
