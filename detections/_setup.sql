-- Setup shared by every rule in this folder: run once per DuckDB session, before the rules.
-- scripts/detections.mjs writes it, with the variables set, in front of each rule
-- (`node scripts/detections.mjs prepare`); docs/queries.md shows how to run a rule by hand.
--
-- Variables it reads (SET VARIABLE name = value):
--   export_dir      the export folder: holds signinattempts/, itemusages/, auditevents/ (Parquet)
--   lists_file      the allowlists and watchlists, detections/lists.csv or your copy of it
--   countries_file  detections/countries.csv (ISO code -> English name)
--   since           TIMESTAMPTZ: rules report events from here on; everything earlier is history,
--                   used as the baseline ("has this user signed in from there before?")
--
-- What the rules read, and nothing else:
--   signinattempts, itemusages, auditevents   the exported events, each event once (a later run
--                                              may have exported one again, see docs/queries.md)
--   lists(kind, value, note)                   the rows of lists_file
--   country_name(text)                         'CA' and 'Canada' both -> 'Canada' (the API sends
--                                              either form; see docs/schema.md)
--   getvariable('since')

CREATE OR REPLACE VIEW signinattempts AS
  SELECT * FROM read_parquet(getvariable('export_dir') || '/signinattempts/date=*/*.parquet', hive_partitioning = true)
  QUALIFY row_number() OVER (PARTITION BY uuid ORDER BY timestamp) = 1;

CREATE OR REPLACE VIEW itemusages AS
  SELECT * FROM read_parquet(getvariable('export_dir') || '/itemusages/date=*/*.parquet', hive_partitioning = true)
  QUALIFY row_number() OVER (PARTITION BY uuid ORDER BY timestamp) = 1;

CREATE OR REPLACE VIEW auditevents AS
  SELECT * FROM read_parquet(getvariable('export_dir') || '/auditevents/date=*/*.parquet', hive_partitioning = true)
  QUALIFY row_number() OVER (PARTITION BY uuid ORDER BY timestamp) = 1;

CREATE OR REPLACE VIEW lists AS
  SELECT trim(kind) AS kind, trim(value) AS value, coalesce(note, '') AS note
  FROM read_csv(getvariable('lists_file'), auto_detect = false, header = true, comment = '#',
                delim = ',', quote = '"', escape = '"', null_padding = true,
                columns = {'kind': 'VARCHAR', 'value': 'VARCHAR', 'note': 'VARCHAR'});

CREATE OR REPLACE VIEW countries AS
  SELECT upper(code) AS code, name
  FROM read_csv(getvariable('countries_file'), auto_detect = false, header = true,
                delim = ',', quote = '"', escape = '"', columns = {'code': 'VARCHAR', 'name': 'VARCHAR'});

CREATE OR REPLACE MACRO country_name(c) AS
  coalesce((SELECT any_value(name) FROM countries WHERE code = upper(trim(c))), trim(c));
