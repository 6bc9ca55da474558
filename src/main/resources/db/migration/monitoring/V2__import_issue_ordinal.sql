-- Several records can share a line (a JSON array written on one line): issues are keyed by the record's
-- ordinal in the file, and keep the line to show.
alter table monitoring_import_issue add column seq bigint;
update monitoring_import_issue set seq = line_no;
alter table monitoring_import_issue alter column seq set not null;
alter table monitoring_import_issue drop constraint monitoring_import_issue_pkey;
alter table monitoring_import_issue add primary key (import_id, seq);
