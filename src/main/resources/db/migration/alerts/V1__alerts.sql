-- Alerts produced from other modules' events. One row per event that deserves attention; the unique key makes a
-- re-delivered event (after a restart) a no-op.
create table alerts_alert (
    id          uuid primary key,
    cabinet_id  uuid not null,
    trigger     text not null,
    unique_key  text not null unique,
    item_path   text not null,
    params      text not null default '',
    created_at  timestamptz not null default now()
);
create index alerts_alert_cabinet on alerts_alert (cabinet_id, created_at desc);

-- One delivery per alert and recipient (a user's e-mail) or per alert and webhook. A delivery is claimed
-- (ENVOI), sent, then marked (ENVOYEE); due_at delays it (quiet hours, digests, webhook retries).
create table alerts_delivery (
    id          uuid primary key,
    alert_id    uuid not null references alerts_alert (id),
    channel     text not null,
    user_id     uuid,
    mode        text not null,
    state       text not null default 'A_ENVOYER',
    due_at      timestamptz not null,
    claimed_at  timestamptz,
    sent_at     timestamptz,
    attempts    int not null default 0,
    last_error  text,
    unique nulls not distinct (alert_id, channel, user_id)
);
create index alerts_delivery_due on alerts_delivery (state, due_at);

-- Each webhook attempt, kept for the user and for support.
create table alerts_webhook_attempt (
    id           bigserial primary key,
    delivery_id  uuid not null references alerts_delivery (id),
    attempted_at timestamptz not null default now(),
    status       int,
    error        text
);

-- A cabinet's webhook: where to POST, and the secret of the HMAC-SHA256 signature.
create table alerts_webhook (
    cabinet_id  uuid primary key,
    url         text not null,
    secret      text not null
);

-- A user's choice per trigger (absent: the trigger's default).
create table alerts_preference (
    user_id  uuid not null,
    trigger  text not null,
    mode     text not null,
    primary key (user_id, trigger)
);

-- A user's quiet hours (Europe/Paris), e.g. 20:00 to 08:00; threats ignore them.
create table alerts_quiet_hours (
    user_id     uuid primary key,
    starts_at   time not null,
    ends_at     time not null
);
