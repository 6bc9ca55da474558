-- An analysis' JSON is 1.3 to 2.5 kB: above PostgreSQL's default 2 kB threshold, each insert tried pglz compression
-- first (the embedded build has no lz4), the largest cost of storing analyses in the ingestion benchmark. Rows up to
-- a page stay inline and uncompressed; larger ones are still compressed or moved out of line as before.
alter table analysis_mention set (toast_tuple_target = 8160);
