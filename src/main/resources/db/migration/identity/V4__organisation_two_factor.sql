-- An organisation may demand two-factor authentication (TOTP) of its administrators and of the members of the
-- cabinets that consented to it.
alter table identity_organisation add column totp_required boolean not null default false;
