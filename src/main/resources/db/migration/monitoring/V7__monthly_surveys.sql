-- The monthly "état des lieux" of a cabinet's watch: what each source found, saw changed, saw removed and failed
-- over one calendar month (Paris time), kept as computed on the first day of the next month. The monthly report
-- reads it; a month is computed once (computing it again replaces it, for the same figures).
create table monitoring_survey (
    id            uuid primary key,
    cabinet_id    uuid not null,
    period_start  date not null,
    period_end    date not null,
    computed_at   timestamptz not null default now(),
    summary       jsonb not null,
    unique (cabinet_id, period_start)
);
