-- The dashboard counts a cabinet's mentions per source and month (rating, status, dates) on every display: with these
-- columns in the index, PostgreSQL answers from the index alone (index-only scan) without visiting the table's rows.
create index monitoring_mention_dashboard on monitoring_mention (cabinet_id)
    include (source_id, published_latest, first_seen, rating, status);
