-- The analysis of each mention's current text, with the analyser version that produced it: when the
-- lexicons or rules change, the version changes and stale analyses are redone.
create table analysis_mention (
    mention_id        uuid primary key,
    cabinet_id        uuid not null,
    analyzer_version  text not null,
    analyzed_at       timestamptz not null default now(),
    text_versions     integer not null,
    language          text not null,
    sentiment         text not null,
    qualification     text not null,
    impact            integer not null,
    strategy          text not null,
    indicator_types   text[] not null default '{}',
    result            jsonb not null
);
create index analysis_mention_cabinet_idx on analysis_mention (cabinet_id, qualification);
create index analysis_mention_version_idx on analysis_mention (analyzer_version);
