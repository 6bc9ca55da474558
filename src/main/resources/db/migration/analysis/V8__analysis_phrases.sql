-- The analyser's fixed sentences (impact factors' explanations, the strategy's rationale and next steps, deadlines'
-- descriptions and legal bases, indicators' legal bases) were written out in every stored analysis: about half of
-- its 1.8 to 2.5 kB. They are kept once here; a stored analysis names them as "\ue000" followed by the phrase's id
-- (U+E000 is a private-use character the analyser never writes). Phrases are only added, never changed or removed,
-- so an id means the same sentence for every analysis that names it. Sentences that quote the text (an indicator's
-- reason) stay in the analysis.
create table analysis_phrase (
    id   integer generated always as identity primary key,
    text text not null unique
);

-- The stored analysis as JSON with its phrases written out: for the GDPR export and ad hoc queries
-- (select analysis_result_json(result) from analysis_mention …).
create function analysis_result_json(result text) returns jsonb
language plpgsql stable as $$
declare
    expanded text := result;
    ref text;
begin
    if result is null then
        return null;
    end if;
    for ref in select distinct m[1] from regexp_matches(result, '"' || chr(57344) || '([0-9]+)"', 'g') as m loop
        expanded := replace(expanded, '"' || chr(57344) || ref || '"',
            coalesce((select to_json(p.text)::text from analysis_phrase p where p.id = ref::integer), 'null'));
    end loop;
    return expanded::jsonb;
end
$$;
