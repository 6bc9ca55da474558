-- The stored analysis becomes text: Égide writes it (Jackson, from the Analysis record) and reads it back whole; nothing
-- queries inside it (themes, indicator types, sentiment and the rest have their own columns). Checking it as json on
-- every insert was half of the cost of storing an analysis: 25 µs of about 55 per row for the usual 1.9 kB analysis,
-- measured on the embedded PostgreSQL 17.5 (docs/BENCHMARKS.md, session 8). Ad hoc queries cast it: result::json.
alter table analysis_mention alter column result type text using result::text;
