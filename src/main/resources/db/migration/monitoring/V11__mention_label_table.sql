-- Labels move out of monitoring_mention into a narrow table of their own: an analysis used to rewrite the whole
-- mention row after each analysis, and with it every index of the row, the full-text one included (labels and
-- search are both indexed, so the update could never be HOT). Now labelling a mention only inserts or deletes
-- small rows here. One row per label; lists filter through the (label, mention_id) index.
create table monitoring_mention_label (
    mention_id  uuid not null references monitoring_mention (id) on delete cascade,
    label       text not null,
    primary key (mention_id, label)
);
create index monitoring_mention_label_idx on monitoring_mention_label (label, mention_id);

insert into monitoring_mention_label (mention_id, label)
select distinct m.id, l from monitoring_mention m, unnest(m.labels) l;

drop index monitoring_mention_labels_idx;
alter table monitoring_mention drop column labels;
