-- The dashboard's share of negative mentions per month of a cabinet, answered from the index alone (index-only scan).
create index analysis_mention_dashboard on analysis_mention (cabinet_id, published_latest) include (negative);
