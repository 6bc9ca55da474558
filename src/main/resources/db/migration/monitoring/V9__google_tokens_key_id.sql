-- Tokens are now encrypted by the system's Secrets: "enc:<key id>:" (the key id allows a rotation); values of the
-- first format ("v1:") are still read and re-encrypted at the next start.
alter table monitoring_google_connection drop constraint monitoring_google_connection_refresh_token_check;
alter table monitoring_google_connection drop constraint monitoring_google_connection_access_token_check;
alter table monitoring_google_connection add constraint monitoring_google_connection_refresh_token_encrypted
    check (refresh_token like 'enc:%' or refresh_token like 'v1:%');
alter table monitoring_google_connection add constraint monitoring_google_connection_access_token_encrypted
    check (access_token like 'enc:%' or access_token like 'v1:%');
