-- The contract's deadline to declare a claim to the professional insurer, in working days: at least 5 (Code des
-- assurances, art. L113-2 4°). Dossiers open the insurer declaration deadline from it.
alter table practice_practitioner
    add column declaration_days integer check (declaration_days between 5 and 90);
