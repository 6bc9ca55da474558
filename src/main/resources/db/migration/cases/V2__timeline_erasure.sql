-- A dossier's timeline stays insert-only, with one exception the GDPR requires: erasing a whole dossier (the
-- cabinet's deletion, or a closed dossier past the cabinet's retention period). The erasing transaction says so
-- with "set local egide.effacement = 'dossier'"; it is recorded in the audit log. Updates stay refused.
create or replace function cases_timeline_is_insert_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('egide.effacement', true), '') = 'dossier' then
        return old;
    end if;
    raise exception 'La chronologie d''un dossier ne se modifie pas et ne s''efface pas (%).', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
