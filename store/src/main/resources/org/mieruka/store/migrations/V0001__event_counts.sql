-- Accepted events per source, kind and local date (walking-skeleton metric).
-- Streams emit a new row with a higher version at every update of a key; the table keeps
-- them all until a merge, so every read goes through the event_counts_current view (argMax).
CREATE TABLE IF NOT EXISTS event_counts (
    source_system String,
    kind String,
    event_date Date,
    events UInt64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(event_date)
ORDER BY (event_date, source_system, kind);

CREATE VIEW IF NOT EXISTS event_counts_current AS
SELECT
    source_system,
    kind,
    event_date,
    argMax(events, version) AS events,
    max(version) AS latest_version
FROM event_counts
GROUP BY source_system, kind, event_date;
