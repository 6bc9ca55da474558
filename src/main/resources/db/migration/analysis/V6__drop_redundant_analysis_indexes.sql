-- Two indexes that no query needs any more, each maintained on every stored analysis: lookups by analyser version
-- always go through the mention ids (primary key), and a cabinet's analyses are found through
-- analysis_mention_dashboard (cabinet_id, published_latest), which leads with the cabinet as well.
drop index if exists analysis_mention_version_idx;
drop index if exists analysis_mention_cabinet_idx;
