-- whimbrel's DuckDB schema, base tables. Idempotent (CREATE ... IF NOT EXISTS).
-- Every write is keyed by article id and content hash: re-ingesting the same
-- article changes nothing. Modules that add tables (dedup, clusters) create
-- their own in their own schema file, the same way.

CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,
    started       TIMESTAMP NOT NULL,
    finished      TIMESTAMP,
    command       VARCHAR,
    coder_version VARCHAR,
    n_articles    INTEGER DEFAULT 0,
    n_events      INTEGER DEFAULT 0,
    n_failed      INTEGER DEFAULT 0,
    status        VARCHAR DEFAULT 'running'   -- running, done, interrupted
);

CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL,
    title         VARCHAR,
    section       VARCHAR,
    summary       VARCHAR[],
    published     TIMESTAMP,
    updated       TIMESTAMP,
    url           VARCHAR,
    source        VARCHAR,
    author        VARCHAR,
    related       VARCHAR[],
    origin        VARCHAR,
    format        VARCHAR,
    text          VARCHAR NOT NULL,           -- the cleaned, coded text (offsets point here)
    paragraphs    JSON,                       -- [[start, end, kind], ...]
    coder_version VARCHAR,                    -- version that produced its stored events
    run_id        VARCHAR,
    ingested      TIMESTAMP
);

-- One row per coded event, per article (the raw events; dedup builds on these).
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER,
    source_code     VARCHAR,
    source_country  VARCHAR,
    source_name     VARCHAR,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_name     VARCHAR,
    cameo           VARCHAR NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    quad_class      INTEGER,
    goldstein       DOUBLE,
    plover_event    VARCHAR,
    plover_mode     VARCHAR,
    date            DATE,
    date_end        DATE,
    date_precision  VARCHAR,
    historical      BOOLEAN,
    location_name   VARCHAR,
    location_country VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    geonameid       BIGINT,
    negated         BOOLEAN,
    future          BOOLEAN,
    hypothetical    BOOLEAN,
    reported_by     VARCHAR,
    trigger         VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    confidence      DOUBLE,
    coder_version   VARCHAR,
    record          JSON NOT NULL,             -- the full event record of DESIGN.md
    date_source     VARCHAR                    -- text, published or assumed-today (NULL: coded before it existed)
);
-- databases made before date_source existed get the column (NULL for their old rows)
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_source VARCHAR;

-- the wire dateline's place and agency ("ADDIS ABABA, May 15 (Xinhua) --"), see dateline.py;
-- databases made before they existed get the columns (NULL for their old rows)
ALTER TABLE articles ADD COLUMN IF NOT EXISTS dateline_place VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS agency VARCHAR;

CREATE TABLE IF NOT EXISTS failures (
    document      VARCHAR NOT NULL,   -- article id, or path[:line] when no id exists
    origin        VARCHAR,
    stage         VARCHAR NOT NULL,   -- read, decode, parse, annotate, actors, events, ...
    code          VARCHAR NOT NULL,   -- errors.WhimbrelError.code
    reason        VARCHAR NOT NULL,
    run_id        VARCHAR,
    recorded      TIMESTAMP
);

-- Facts about the database itself: schema_version (see store/connect.py).
CREATE TABLE IF NOT EXISTS whimbrel_meta (
    key           VARCHAR PRIMARY KEY,
    value         VARCHAR
);
