-- Where the practitioner speaks for themselves online, for the « bons réflexes » checklist: a professional profile
-- (annuaire, Doctolib, LinkedIn…) and a website they control. Both are addresses the practitioner enters.
alter table practice_practitioner
    add column professional_profile_url  text check (professional_profile_url ~* '^https?://'),
    add column website_url               text check (website_url ~* '^https?://');
