-- Labels other modules put on a mention so that lists can filter on them without a query across modules:
-- "qualification.ILLICITE_PROBABLE", "indice.INJURE"… (family, a dot, a value). The analysis module owns the
-- values and replaces its families each time it analyses the mention.
alter table monitoring_mention add column labels text[] not null default '{}';
create index monitoring_mention_labels_idx on monitoring_mention using gin (labels);
