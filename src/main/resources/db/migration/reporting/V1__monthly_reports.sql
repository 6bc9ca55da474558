-- The monthly reports (« veille mensuelle ») kept in Égide: one per cabinet and month, generated on the first day of
-- the next month (AUTOMATIQUE) or on demand (DEMANDE, which replaces the month's report). The PDF is kept with its
-- SHA-256; mailed_at records the e-mail to the titulaires, so that a second run of the monthly job sends nothing twice.
create table reporting_monthly_report (
    id            uuid primary key,
    cabinet_id    uuid not null,
    month         date not null check (extract(day from month) = 1),
    status        text not null check (status in ('EN_COURS', 'PRET', 'ECHEC')),
    trigger       text not null check (trigger in ('AUTOMATIQUE', 'DEMANDE')),
    requested_by  uuid,
    requested_at  timestamptz not null default now(),
    generated_at  timestamptz,
    pdf           bytea,
    sha256        text check (sha256 ~ '^[0-9a-f]{64}$'),
    error         text,
    mailed_at     timestamptz,
    mail_error    text,
    unique (cabinet_id, month),
    check (status <> 'PRET' or (pdf is not null and sha256 is not null and generated_at is not null))
);
create index reporting_monthly_report_cabinet on reporting_monthly_report (cabinet_id, month desc);
