-- A dossier: from a harmful mention to a complete case file. It belongs to a cabinet, may concern one
-- practitioner, and goes OUVERT → PREUVES → QUALIFIE → STRATEGIE → ACTIONS → CLOS (with an outcome).
create table cases_dossier (
    id                    uuid primary key,
    cabinet_id            uuid not null,
    practitioner_id       uuid,
    reference             text not null,
    title                 text not null,
    stage                 text not null default 'OUVERT'
                            check (stage in ('OUVERT', 'PREUVES', 'QUALIFIE', 'STRATEGIE', 'ACTIONS', 'CLOS')),
    outcome               text check (outcome in ('CONTENU_RETIRE', 'REPONSE_PUBLIEE', 'ACCORD_AMIABLE', 'CLASSE_SANS_SUITE',
                                                  'DECISION_DE_JUSTICE', 'PRESCRIT')),
    qualification         text,
    qualification_reason  text,
    impact                jsonb,
    strategy              text check (strategy in ('NEUTRE', 'DEFENSIVE', 'PACIFIQUE', 'OFFENSIVE')),
    strategy_reason       text,
    prescribed_at         timestamptz,
    created_by            uuid,
    created_at            timestamptz not null default now(),
    closed_at             timestamptz,
    unique (cabinet_id, reference)
);
create index cases_dossier_cabinet on cases_dossier (cabinet_id, created_at desc);

-- The mentions a dossier is about (referenced by id: they belong to the monitoring module).
create table cases_dossier_mention (
    dossier_id  uuid not null references cases_dossier (id),
    mention_id  uuid not null,
    added_at    timestamptz not null default now(),
    added_by    uuid,
    primary key (dossier_id, mention_id)
);
create index cases_dossier_mention_mention on cases_dossier_mention (mention_id);

-- The user's decision on each indicator the analyser showed: accepted or rejected, with who and when. The last
-- decision counts; earlier ones stay in the timeline.
create table cases_indicator_decision (
    dossier_id      uuid not null references cases_dossier (id),
    mention_id      uuid not null,
    indicator_type  text not null,
    accepted        boolean not null,
    words           text,
    decided_by      uuid,
    decided_at      timestamptz not null default now(),
    primary key (dossier_id, mention_id, indicator_type)
);

-- Evidence held by the dossier: sealed bundles of the evidence module (by id) or screenshots uploaded by the
-- user, kept with their SHA-256 and upload time.
create table cases_evidence (
    id            uuid primary key,
    dossier_id    uuid not null references cases_dossier (id),
    kind          text not null check (kind in ('LOT_SCELLE', 'CAPTURE_ECRAN')),
    capture_id    text,
    file_name     text,
    content_type  text,
    size          bigint,
    sha256        text not null,
    content       bytea,
    added_by      uuid,
    added_at      timestamptz not null default now(),
    check ((kind = 'LOT_SCELLE' and capture_id is not null) or (kind = 'CAPTURE_ECRAN' and content is not null))
);
create unique index cases_evidence_bundle on cases_evidence (dossier_id, capture_id) where capture_id is not null;

-- Letters generated from the dossier, as exported, and their sending (date, channel, registered-letter number).
create table cases_letter (
    id                  uuid primary key,
    dossier_id          uuid not null references cases_dossier (id),
    type                text not null,
    title               text not null,
    content             jsonb not null,
    created_by          uuid,
    created_at          timestamptz not null default now(),
    sent_on             date,
    channel             text,
    registered_number   text,
    recorded_by         uuid
);

-- Deadlines opened by events of the dossier (a letter sent, a GDPR request received, a platform's decision):
-- those a publication opens are computed from the mentions' dates each time.
create table cases_deadline (
    id           uuid primary key,
    dossier_id   uuid not null references cases_dossier (id),
    kind         text not null,
    trigger      text not null,
    start_date   date not null,
    due_date     date not null,
    basis        text not null,
    description  text not null,
    letter_id    uuid references cases_letter (id),
    created_at   timestamptz not null default now()
);

-- Every step, document, decision and change of a dossier, with who and when. Insert-only: the database refuses
-- UPDATE, DELETE and TRUNCATE.
create table cases_timeline (
    seq         bigint generated always as identity primary key,
    dossier_id  uuid not null references cases_dossier (id),
    at          timestamptz not null default now(),
    user_id     uuid,
    user_name   text,
    kind        text not null,
    detail      text not null default ''
);
create index cases_timeline_dossier on cases_timeline (dossier_id, seq);

create function cases_timeline_is_insert_only() returns trigger language plpgsql as $$
begin
    raise exception 'La chronologie d''un dossier ne se modifie pas et ne s''efface pas (%).', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger cases_timeline_insert_only before update or delete on cases_timeline
    for each row execute function cases_timeline_is_insert_only();
create trigger cases_timeline_no_truncate before truncate on cases_timeline
    for each statement execute function cases_timeline_is_insert_only();
