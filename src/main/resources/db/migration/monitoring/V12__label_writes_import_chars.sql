-- Labels are derived data that only MentionLabels.replace writes, after locking the mention rows it labels (so they
-- exist, and cannot be deleted, until its transaction ends). The foreign key re-checked each label against
-- monitoring_mention, about 6 µs per row, nearly half of storing a label (1.3 million labels per million reviews,
-- docs/BENCHMARKS.md, session 8). It goes; its ON DELETE CASCADE stays as one statement-level trigger, so that
-- deleting mentions (a cabinet's erasure) still deletes their labels.
alter table monitoring_mention_label drop constraint if exists monitoring_mention_label_mention_id_fkey;

create function monitoring_mention_label_cascade() returns trigger language plpgsql as $$
begin
    delete from monitoring_mention_label l using gone g where l.mention_id = g.id;
    return null;
end
$$;

create trigger monitoring_mention_label_cascade after delete on monitoring_mention
    referencing old table as gone for each statement execute function monitoring_mention_label_cascade();

-- The total length of the texts an import created or changed, recorded by the import itself: the analysis sizes its
-- batches from it, and summing it afterwards over the import's mentions cost an index scan per page.
alter table monitoring_import add column text_chars bigint;
