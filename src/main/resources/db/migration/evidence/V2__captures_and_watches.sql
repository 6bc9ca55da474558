-- Captures requested from the application (by a user, automatically for a risky mention, or to re-check a URL):
-- their progress, where the sealed bundle is, and its digests. A capture is never deleted.
create table evidence_capture (
    id               text primary key,
    cabinet_id       uuid not null,
    mention_id       uuid,
    mention_version  integer,
    url              text not null,
    reason           text not null default '',
    requested_by     text not null,
    requested_by_id  uuid,
    trigger          text not null check (trigger in ('MANUELLE', 'AUTOMATIQUE', 'CONTROLE')),
    status           text not null check (status in ('EN_ATTENTE', 'EN_COURS', 'SCELLEE', 'ECHEC')),
    error            text,
    requested_at     timestamptz not null,
    started_at       timestamptz,
    ended_at         timestamptz,
    final_url        text,
    http_status      integer,
    rendered         boolean,
    bundle_file      text,
    bundle_sha256    text,
    bundle_size      bigint,
    manifest_sha256  text,
    text_sha256      text,
    limits           text[] not null default '{}',
    finding          text check (finding in ('INCHANGEE', 'MODIFIEE', 'DISPARUE')),
    finding_detail   text
);
create index evidence_capture_cabinet on evidence_capture (cabinet_id, requested_at desc);
create index evidence_capture_mention on evidence_capture (mention_id, requested_at desc);
-- One automatic capture per version of a mention, however often it is analysed.
create unique index evidence_capture_automatic on evidence_capture (mention_id, mention_version) where trigger = 'AUTOMATIQUE';

-- URLs re-checked on a schedule once captured: when the content changes or disappears, the check is itself a
-- sealed capture, and the watch says so.
create table evidence_watch (
    cabinet_id        uuid not null,
    url               text not null,
    mention_id        uuid,
    excerpt           text,
    first_capture_id  text not null references evidence_capture (id),
    last_capture_id   text not null references evidence_capture (id),
    state             text not null check (state in ('EN_LIGNE', 'MODIFIEE', 'DISPARUE')),
    last_check_at     timestamptz not null,
    next_check_at     timestamptz,
    primary key (cabinet_id, url)
);
create index evidence_watch_due on evidence_watch (next_check_at) where next_check_at is not null;
