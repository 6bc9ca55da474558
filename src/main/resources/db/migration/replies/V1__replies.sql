-- Replies to mentions: drafts with every version kept, the linter's verdict on each, and every step of
-- the workflow (who, when, why) so that a reply's history can be shown to the Ordre or a court.

-- Per cabinet: how long to wait after first reading a review before a reply may be approved, and whether
-- approval must come from someone other than the author. A history: each change is a new row (who, when), the
-- latest one counts, so that relaxing the rules for one reply and restoring them leaves a trace.
create table replies_setting (
    seq                 bigint generated always as identity primary key,
    cabinet_id          uuid not null,
    reflection_hours    integer not null check (reflection_hours between 0 and 720),
    require_peer_review boolean not null,
    changed_by          uuid not null,
    changed_at          timestamptz not null default now()
);
create index replies_setting_cabinet_idx on replies_setting (cabinet_id, seq desc);

-- When the review was first opened in Égide (the délai de réflexion starts there), and by whom.
create table replies_first_read (
    mention_id  uuid primary key,
    cabinet_id  uuid not null,
    user_id     uuid not null,
    read_at     timestamptz not null default now()
);

create table replies_draft (
    id              uuid primary key,
    mention_id      uuid not null,
    cabinet_id      uuid not null,
    state           text not null check (state in ('BROUILLON', 'EN_RELECTURE', 'APPROUVE', 'PUBLIE', 'ABANDONNE')),
    created_by      uuid not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    published_text  text,
    published_url   text,
    published_via   text,
    published_by    uuid,
    published_at    timestamptz
);
create index replies_draft_mention_idx on replies_draft (mention_id, created_at desc);
-- At most one draft in progress per mention.
create unique index replies_draft_active_idx on replies_draft (mention_id)
    where state in ('BROUILLON', 'EN_RELECTURE', 'APPROUVE');

create table replies_version (
    id              uuid primary key,
    draft_id        uuid not null references replies_draft (id),
    version_no      integer not null,
    text            text not null,
    origin          text not null check (origin in ('MANUEL', 'MODELE', 'IA')),
    author_id       uuid not null,
    created_at      timestamptz not null default now(),
    verdict         text not null,
    findings        jsonb not null,
    linter_version  text not null,
    unique (draft_id, version_no)
);

create table replies_event (
    id          uuid primary key,
    seq         bigint generated always as identity,
    draft_id    uuid not null references replies_draft (id),
    kind        text not null,
    user_id     uuid not null,
    at          timestamptz not null default now(),
    comment     text
);
create index replies_event_draft_idx on replies_event (draft_id, seq);
