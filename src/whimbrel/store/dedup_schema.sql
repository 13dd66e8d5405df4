-- whimbrel's event-database tables: story clusters and deduplicated events.
-- Idempotent (CREATE ... IF NOT EXISTS); created by whimbrel.store.clusters and
-- whimbrel.store.dedup on top of the base schema (schema.sql). Everything here
-- is derived from the base tables and can be rebuilt with `whimbrel dedup --rebuild`.

-- MinHash signature of each article's text (word 3-shingles), kept so that new
-- articles are compared with old ones without re-reading their text.
CREATE TABLE IF NOT EXISTS article_minhash (
    article_id    VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL,
    scheme        VARCHAR,                   -- datasketch hashing scheme (affine32, legacy, ...)
    n_shingles    INTEGER,
    signature     BLOB NOT NULL              -- num_perm uint64 hash values, little-endian
);

-- Which story cluster each article belongs to (near-duplicates: wire copies, light rewrites).
CREATE TABLE IF NOT EXISTS article_cluster (
    article_id    VARCHAR PRIMARY KEY,
    cluster_id    VARCHAR NOT NULL,
    similarity    DOUBLE                     -- estimated Jaccard with the cluster's first article
);

CREATE TABLE IF NOT EXISTS story_clusters (
    cluster_id       VARCHAR PRIMARY KEY,
    first_article    VARCHAR NOT NULL,       -- earliest published (then smallest id)
    title            VARCHAR,
    n_articles       INTEGER,
    n_sources        INTEGER,
    first_published  TIMESTAMP,
    last_published   TIMESTAMP
);

-- Version of the two tables below; older ones are dropped and rebuilt (they are derived).
CREATE TABLE IF NOT EXISTS dedup_meta (
    version INTEGER NOT NULL
);

-- One row per real event: the reports of one act, in one article or many.
-- Counts follow GDELT: num_mentions = reports (distinct article+sentence+trigger),
-- num_articles = distinct articles, num_sources = distinct outlets,
-- num_stories = distinct story clusters (independent reports).
CREATE TABLE IF NOT EXISTS dedup_events (
    dedup_id         VARCHAR PRIMARY KEY,
    global_id        BIGINT NOT NULL,        -- numeric id below 2^53 (GDELT GLOBALEVENTID)
    block_key        VARCHAR NOT NULL,       -- roots|base code|modality the reports share
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_name      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_name      VARCHAR,
    cameo            VARCHAR NOT NULL,
    cameo_root       VARCHAR NOT NULL,
    quad_class       INTEGER,
    goldstein        DOUBLE,
    plover_event     VARCHAR,
    plover_mode      VARCHAR,
    date             DATE,                   -- the narrowest range all reports agree on
    date_end         DATE,
    date_precision   VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    geonameid        BIGINT,
    location_precision VARCHAR,              -- site, city, region, country
    negated          BOOLEAN,
    future           BOOLEAN,
    hypothetical     BOOLEAN,
    num_mentions     INTEGER NOT NULL,
    num_articles     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    num_stories      INTEGER,
    is_root          BOOLEAN,                -- reported in a headline, summary or lead paragraph
    first_event_id   VARCHAR NOT NULL,       -- the representative raw event
    first_article_id VARCHAR NOT NULL,
    first_url        VARCHAR,
    first_published  TIMESTAMP,
    date_added       TIMESTAMP,              -- when its first article was ingested
    confidence       DOUBLE,                 -- the highest confidence among its reports
    coder_version    VARCHAR                 -- the representative's; its record is events.record
);

-- Every report of a deduplicated event, with its article and evidence.
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id        VARCHAR PRIMARY KEY,     -- the raw event (events.event_id)
    dedup_id        VARCHAR NOT NULL,
    block_key       VARCHAR NOT NULL,
    anchor_id       VARCHAR,                 -- the earlier copy's report this one repeats (same story)
    article_id      VARCHAR NOT NULL,
    outlet          VARCHAR,                 -- source name, else the URL's host, else the article id
    url             VARCHAR,
    published       TIMESTAMP,
    sentence_index  INTEGER,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    in_lead         BOOLEAN,
    confidence      DOUBLE,
    evidence        VARCHAR                  -- the sentence
);
