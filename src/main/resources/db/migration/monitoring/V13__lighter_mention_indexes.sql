-- Storing a mention maintained a stored tsvector column, its GIN index and five btrees. Measured on the embedded
-- PostgreSQL 17.5 with pages of 5,000 synthetic reviews (docs/BENCHMARKS.md, session 8):
-- * the full-text search needs the GIN index, not a stored copy of the vector: an index on the expression gives the
--   same search (the query repeats the expression) for about 10 % less per insert, and a narrower row;
-- * the list's index (cabinet, publication date) and the dashboard's covering index (cabinet, with source, dates,
--   rating and status) become one: ordered by date and covering the dashboard's columns, it serves both.
create index monitoring_mention_text_search on monitoring_mention
    using gin (to_tsvector('french', coalesce(author, '') || ' ' || text));
alter table monitoring_mention drop column search;

create index monitoring_mention_cabinet_list on monitoring_mention (cabinet_id, published_latest desc nulls last)
    include (source_id, first_seen, rating, status);
drop index monitoring_mention_cabinet_idx;
drop index monitoring_mention_dashboard;
