-- What the practitioner knows about a mention and the analyser cannot guess (the author is a competitor, the
-- review is on the first page for their name…). Kept as a history: each change is a new row with who made it
-- and when; the latest row is the one that counts.
create table analysis_impact_setting (
    id               uuid primary key,
    mention_id       uuid not null,
    cabinet_id       uuid not null,
    author           text,
    search_position  text,
    audience         text,
    changed_by       uuid not null,
    changed_at       timestamptz not null default now()
);
create index analysis_impact_setting_mention_idx on analysis_impact_setting (mention_id, changed_at desc);

-- What wave detection needs from each analysed mention, kept with its analysis.
alter table analysis_mention
    add column author             text,
    add column author_key         text,
    add column published_earliest timestamptz,
    add column published_latest   timestamptz,
    add column negative           boolean not null default false,
    add column similar_items      integer not null default 0;
create index analysis_mention_waves_idx on analysis_mention (cabinet_id, published_latest) where negative;
create index analysis_mention_author_idx on analysis_mention (cabinet_id, author_key) where author_key is not null;
