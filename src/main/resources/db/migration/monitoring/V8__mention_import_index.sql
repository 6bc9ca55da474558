-- The analysis reads an import's mentions in id order, a thousand at a time: without this index each batch walked
-- the whole table (quadratic over a large import).
create index monitoring_mention_import on monitoring_mention (import_id, id);
