#include "core/storage/migrations.h"

#include "core/storage/database.h"
#include "core/storage/postgres/pgschema.h"
#include "core/storage/requestkeys.h"
#include "core/storage/secretupgrade.h"
#include "core/storage/sqlite/sqliteconnection.h"

#include <QCoreApplication>

namespace activity {

namespace {
/*
 * Schema notes (the contract other layers rely on):
 * - Timestamps are integer seconds since the Unix epoch, UTC, unless a column says _ms.
 * - sources.settings is a JSON object of the type's fields (never a token value: only --token-env names).
 * - Source ids are never reused (a removed source's unpurged history keeps its id): settings.last_source_id holds
 *   the highest given (SourceStore).
 * - samples: one value per (series, ts) for API figures; series are keyed by (provider, repository, metric).
 * - requests: one row per HTTP request; repeated text lives once in `strings` (BLOB: the raw bytes as logged).
 *   Since version 2 the rowid carries the time (id = ts << 20 | n, see RequestKeys) and `ts` is a virtual
 *   column: filter time ranges on `id` (a rowid range); a filter on `ts` scans the whole table. Since version 12
 *   agent_class (AgentClass: 0 a person) and bot_id (the bot's name, a string id) say who made it.
 * - visitors of a day: h = RequestKeys::visitorHash(address, agent id). Stored as visitor_sets chunks (the
 *   hashes as little-endian 64-bit integers, one chunk per commit, merged now and then) and, for days with more
 *   visitors than the writer keeps in memory (and data from version 2), as visitors rows. The day's visitors are
 *   the union of both.
 * - rollups: per (period, bucket, site, dim, key) with period 60/3600/86400. dim '' is the total (key ''),
 *   'status' (key '404'), 'country' (key 'FR' or '' for unknown), 'path' (key = path text); minute buckets
 *   only for '', 'status', 'country' and (version 12) 'agents' (key "class/verification/name", see AgentMatch). Hour
 * and day: 'path404' (paths answered 404), 'referrer' and 'agent' (key = the text as logged, never '-' or empty);
 * before version 9 day buckets only, so their hour buckets are complete from settings.rollups.hourly_text_from on
 * (AppSettings). Hour and day: 'city' (key = GeoIp::cityKey, "CC<TAB>lat<TAB>lon<TAB>name", only when a City database
 * located the address). Hour and day, site_id 0: 'rejected' (key = source id; requests = lines rejected in that hour of
 * receipt). Text keys (path, path404, referrer, agent, city) keep the busiest keys of each bucket (setting
 * rollups.top_keys, see TextRollups); the rest is summed under key '' ("other"), so totals stay exact. A rollup's
 * visitors counts (address, day, user agent) triples first seen in that bucket, so summing buckets over whole days
 * gives GoAccess's visitor count.
 * - imports: per imported file (known by a hash of its first 4 KiB, uncompressed), the bytes and lines stored
 *   and a hash of the 4 KiB before that point (ImportLedger); written in the same transaction as the lines.
 * - visitor sets are kept for every day (not only within the retention), so a day's visitors stay exact
 *   however its lines arrive (an old log imported in parts).
 * - strings.last_day: the last day (days since the epoch) of a request row using the string; strings whose
 *   last_day is before the retention's cutoff day are used by no row and are deleted (since version 4).
 * - alert_rules: rules on catalogue series ids (SeriesCatalogue); alert_state: where each stands; alert_events:
 *   the history (rule name and series copied: it outlives the rule). Rule ids are never reused (AUTOINCREMENT).
 * - download_sizes: a download path's size as the user gave it (bytes, > 0); wins over sizes read from the log.
 * - events: releases, tags and registry versions a source found (ext_key: the source, kind and its own name for it,
 *   so a poll updates rather than adds) and notes (kind 'note', ext_key NULL). Alert firings are not copied here:
 *   EventStore reads them from alert_events.
 * - crawler_claims: requests of crawlers whose owner publishes a check (agents.json "verify"), per minute bucket,
 *   site, address (text) and 'agents' rollup key, written by the ingest writer beside the rollups (never pruned,
 *   like them); the same requests are in the 'agents' rollups under their "unverified" key. crawler_verdicts: the
 *   latest verdict per (address, owner), 'verified' or 'spoofed' (CrawlerVerdictStore). Reports join the two to
 *   split a claimed crawler's rollup row into verified, spoofed and still unverified requests.
 */
// Version 12 (issue 28): who made each request. agent_class is an AgentClass (0 a person, else a bot's class) and
// bot_id a bot's name (a string id, NULL for people); both NULL in rows stored before. Rollups gain the 'agents'
// dimension (no table change).
constexpr const char* agentsStep()
{
    return R"sql(
ALTER TABLE requests ADD COLUMN agent_class INTEGER;
ALTER TABLE requests ADD COLUMN bot_id INTEGER;
)sql";
}

// The events step (issue 29): releases, tags, registry versions and the user's notes, for the charts' markers.
// A function of its own so that it can take another number when schema steps are merged.
const char* eventsStep()
{
    return R"sql(
CREATE TABLE events(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ts INTEGER NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  source_id INTEGER,
  ext_key TEXT UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE INDEX events_ts ON events(ts);
)sql";
}

// The downloads step (issue 28, completed downloads): file sizes the user gives for download paths
// (DownloadSizeStore). Attempts and completions are computed from the raw request rows when asked, not stored.
const char* downloadSizesStep()
{
    return R"sql(
CREATE TABLE download_sizes(
  path TEXT PRIMARY KEY,
  bytes INTEGER NOT NULL,
  set_at INTEGER NOT NULL
);
)sql";
}

// The crawler verification step (issue 28): what crawlers that can be checked claimed, per minute and address, and
// what the check said of each address. A function of its own so that it can take another number at merge time.
const char* crawlerChecksStep()
{
    return R"sql(
CREATE TABLE crawler_claims(
  bucket INTEGER NOT NULL,
  site_id INTEGER NOT NULL,
  addr TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  vendor TEXT NOT NULL,
  requests INTEGER NOT NULL,
  visitors INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  PRIMARY KEY(bucket, site_id, addr, agent_key)
) WITHOUT ROWID;
CREATE TABLE crawler_verdicts(
  addr TEXT NOT NULL,
  vendor TEXT NOT NULL,
  verdict TEXT NOT NULL,
  method TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  checked_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY(addr, vendor)
) WITHOUT ROWID;
)sql";
}

const char* const kSteps[] = {
    // version 1
    R"sql(
CREATE TABLE sources(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);
CREATE TABLE fetch_state(
  source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  last_success INTEGER,
  last_error TEXT,
  last_error_at INTEGER,
  last_status INTEGER,
  next_run INTEGER,
  rate_limit_limit INTEGER,
  rate_limit_remaining INTEGER,
  rate_limit_reset INTEGER,
  state TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE http_cache(
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  body BLOB,
  fetched_at INTEGER,
  PRIMARY KEY(source_id, url)
) WITHOUT ROWID;
CREATE TABLE series(
  id INTEGER PRIMARY KEY,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  provider TEXT NOT NULL,
  repository TEXT NOT NULL,
  metric TEXT NOT NULL,
  UNIQUE(provider, repository, metric)
);
CREATE TABLE samples(
  series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  ts INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY(series_id, ts)
) WITHOUT ROWID;
CREATE TABLE ranked_items(
  series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  ts INTEGER NOT NULL,
  item TEXT NOT NULL,
  count INTEGER NOT NULL,
  uniques INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(series_id, ts, item)
) WITHOUT ROWID;
CREATE TABLE strings(
  id INTEGER PRIMARY KEY,
  value BLOB NOT NULL UNIQUE
);
CREATE TABLE sites(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE requests(
  id INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  source_id INTEGER,
  addr BLOB NOT NULL,
  country TEXT,
  city_id INTEGER,
  method_id INTEGER,
  path_id INTEGER,
  query_id INTEGER,
  protocol_id INTEGER,
  status INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  referrer_id INTEGER,
  agent_id INTEGER,
  request_time REAL,
  extra TEXT
);
CREATE INDEX requests_ts ON requests(ts);
CREATE TABLE visitors(
  day INTEGER NOT NULL,
  site_id INTEGER NOT NULL,
  addr BLOB NOT NULL,
  agent_id INTEGER NOT NULL,
  PRIMARY KEY(day, site_id, addr, agent_id)
) WITHOUT ROWID;
CREATE TABLE rollups(
  period INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  site_id INTEGER NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  visitors INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(period, dim, bucket, site_id, key)
) WITHOUT ROWID;
CREATE TABLE ingest_counters(
  source_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  value INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(source_id, name)
) WITHOUT ROWID;
CREATE TABLE rejected_lines(
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  reason TEXT NOT NULL,
  line BLOB NOT NULL
);
CREATE INDEX rejected_lines_source ON rejected_lines(source_id, id);
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // version 2: request ids carry the time (no time index); visitors keep a hash of (address, agent id)
    R"sql(
CREATE TABLE requests_v2(
  id INTEGER PRIMARY KEY,
  ts INTEGER GENERATED ALWAYS AS (id >> 20) VIRTUAL,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  source_id INTEGER,
  addr BLOB NOT NULL,
  country TEXT,
  city_id INTEGER,
  method_id INTEGER,
  path_id INTEGER,
  query_id INTEGER,
  protocol_id INTEGER,
  status INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  referrer_id INTEGER,
  agent_id INTEGER,
  request_time REAL,
  extra TEXT
);
INSERT INTO requests_v2(id, site_id, source_id, addr, country, city_id, method_id, path_id, query_id, protocol_id,
    status, bytes, referrer_id, agent_id, request_time, extra)
  SELECT (ts << 20) + row_number() OVER (PARTITION BY ts ORDER BY id) - 1, site_id, source_id, addr, country,
    city_id, method_id, path_id, query_id, protocol_id, status, bytes, referrer_id, agent_id, request_time, extra
  FROM requests;
DROP TABLE requests;
ALTER TABLE requests_v2 RENAME TO requests;
CREATE TABLE visitors_v2(
  day INTEGER NOT NULL,
  site_id INTEGER NOT NULL,
  h INTEGER NOT NULL,
  PRIMARY KEY(day, site_id, h)
) WITHOUT ROWID;
INSERT OR IGNORE INTO visitors_v2(day, site_id, h)
  SELECT day, site_id, activity_visitor_hash(addr, agent_id) FROM visitors;
DROP TABLE visitors;
ALTER TABLE visitors_v2 RENAME TO visitors;
)sql",
    // version 3: a day's visitors written as chunks of hashes (one row per commit instead of one per visitor)
    R"sql(
CREATE TABLE visitor_sets(
  day INTEGER NOT NULL,
  site_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  hashes BLOB NOT NULL,
  PRIMARY KEY(day, site_id, seq)
) WITHOUT ROWID;
)sql",
    // version 4: strings know the last day a request row used them, so those of expired rows can be collected
    R"sql(
ALTER TABLE strings ADD COLUMN last_day INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE string_days(id INTEGER PRIMARY KEY, day INTEGER NOT NULL);
INSERT INTO string_days SELECT path_id, max(id >> 20) / 86400 FROM requests WHERE path_id IS NOT NULL GROUP BY 1
  ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
INSERT INTO string_days SELECT query_id, max(id >> 20) / 86400 FROM requests WHERE query_id IS NOT NULL GROUP BY 1
  ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
INSERT INTO string_days SELECT method_id, max(id >> 20) / 86400 FROM requests WHERE method_id IS NOT NULL GROUP BY 1
  ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
INSERT INTO string_days SELECT protocol_id, max(id >> 20) / 86400 FROM requests WHERE protocol_id IS NOT NULL
  GROUP BY 1 ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
INSERT INTO string_days SELECT referrer_id, max(id >> 20) / 86400 FROM requests WHERE referrer_id IS NOT NULL
  GROUP BY 1 ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
INSERT INTO string_days SELECT agent_id, max(id >> 20) / 86400 FROM requests WHERE agent_id IS NOT NULL GROUP BY 1
  ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
INSERT INTO string_days SELECT city_id, max(id >> 20) / 86400 FROM requests WHERE city_id IS NOT NULL GROUP BY 1
  ON CONFLICT(id) DO UPDATE SET day = max(day, excluded.day);
UPDATE strings SET last_day = coalesce((SELECT day FROM string_days d WHERE d.id = strings.id), 0);
DROP TABLE string_days;
)sql",
    // version 5: what `import` stored of each file, so importing it again stores only what is new
    R"sql(
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  device INTEGER,
  inode INTEGER,
  head_bytes INTEGER NOT NULL,
  head_hash BLOB NOT NULL,
  offset INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  tail_hash BLOB NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL
);
)sql",
    // version 6: alert rules on catalogue series, where each stands, and what they sent
    R"sql(
CREATE TABLE alert_rules(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  series TEXT NOT NULL,
  kind TEXT NOT NULL,
  threshold REAL NOT NULL DEFAULT 0,
  percent INTEGER NOT NULL DEFAULT 0,
  span INTEGER NOT NULL DEFAULT 0,
  window_secs INTEGER NOT NULL DEFAULT 300,
  for_secs INTEGER NOT NULL DEFAULT 0,
  severity TEXT NOT NULL DEFAULT 'warning',
  repeat_secs INTEGER NOT NULL DEFAULT 14400,
  webhook TEXT,
  webhook_format TEXT NOT NULL DEFAULT 'generic',
  created_at INTEGER NOT NULL
);
CREATE TABLE alert_state(
  rule_id INTEGER PRIMARY KEY REFERENCES alert_rules(id) ON DELETE CASCADE,
  firing INTEGER NOT NULL DEFAULT 0,
  pending_since INTEGER NOT NULL DEFAULT 0,
  fired_at INTEGER NOT NULL DEFAULT 0,
  last_sent INTEGER NOT NULL DEFAULT 0,
  last_eval INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE alert_events(
  id INTEGER PRIMARY KEY,
  rule_id INTEGER NOT NULL,
  rule_name TEXT NOT NULL,
  series TEXT NOT NULL,
  severity TEXT NOT NULL,
  ts INTEGER NOT NULL,
  event TEXT NOT NULL,
  value REAL,
  message TEXT NOT NULL,
  delivery TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alert_events_ts ON alert_events(ts);
)sql",
    // version 7: pages the user builds (their panels as JSON, see Dashboards::toJson)
    R"sql(
CREATE TABLE dashboards(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
)sql",
    // version 8: alert rules may send email; the history says what became of it
    R"sql(
ALTER TABLE alert_rules ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_events ADD COLUMN email_delivery TEXT NOT NULL DEFAULT '';
)sql",
    // version 9: 404 paths, referrers and agents are rolled up per hour too; older data has day buckets only, so
    // hour buckets are complete from the day after the last one written (0 for a new database).
    R"sql(
INSERT OR REPLACE INTO settings(key, value)
  SELECT 'rollups.hourly_text_from', CAST(coalesce(max(bucket) + 86400, 0) AS TEXT) FROM rollups WHERE period = 86400;
)sql",
    // version 10: secrets leave the database (SecretUpgrade moves those already in it): a rule's webhook is kept
    // masked, its URL where webhook_secret says; sources' settings say where theirs are ("secrets").
    R"sql(
ALTER TABLE alert_rules ADD COLUMN webhook_secret TEXT NOT NULL DEFAULT '';
)sql",
    // version 11: collectors sharing a store say they are alive; an API source is polled by the one holding its
    // lease (a log source names its collector in its settings).
    R"sql(
CREATE TABLE collectors(
  name TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL
);
CREATE TABLE source_leases(
  source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  collector TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
)sql",
    // version 12: requests say who made them (agentsStep)
    agentsStep(),
    // version 13: events (eventsStep)
    eventsStep(),
    // version 14: sizes of download files the user gives (downloadSizesStep)
    downloadSizesStep(),
    // version 15: crawler claims and verdicts (crawlerChecksStep)
    crawlerChecksStep(),
    // version 16: nothing here; a team store narrows its request rows' columns (PgSchema's narrowRequestsStep), which
    // SQLite's variable-length integers never needed
    "SELECT 1;",
};
constexpr int kSecretsLeaveVersion = 10;

constexpr int kStepCount = int(sizeof(kSteps) / sizeof(kSteps[0]));

int applicationId(Database& db)
{
    return int(db.queryInt("PRAGMA application_id").value_or(0));
}
} // namespace

int Migrations::latestVersion()
{
    return kStepCount;
}

bool Migrations::isOurs(Database& db)
{
    const int appId = applicationId(db);
    if (appId == kApplicationId)
        return true;
    return appId == 0 && db.userVersion() == 0 && db.queryInt("SELECT count(*) FROM sqlite_schema").value_or(0) == 0;
}

void Migrations::migrateTo(Database& db, int target)
{
    if (!isOurs(db))
        throw DatabaseError(QCoreApplication::translate(
            "Migrations", "%1 is a SQLite database of another program; refusing to change it")
                                .arg(db.path()));
    const int current = db.userVersion();
    if (current > kStepCount)
        throw DatabaseError(QCoreApplication::translate("Migrations",
            "%1 has schema version %2, newer than this program knows (%3): upgrade Activity Dashboard to open it")
                                .arg(db.path())
                                .arg(current)
                                .arg(kStepCount));
    if (SqliteConnection* sqlite = db.sqlite())
        RequestKeys::registerSqlFunctions(sqlite->handle());
    int secretsMoved = 0;
    for (int version = current + 1; version <= target && version <= kStepCount; ++version) {
        Transaction tx(db);
        db.exec(kSteps[version - 1]);
        if (version == kSecretsLeaveVersion) {
            // What is deleted is overwritten with zeros, not left in free space for anyone who reads the file.
            db.exec("PRAGMA secure_delete = ON");
            secretsMoved = SecretUpgrade::moveOut(db);
        }
        db.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId).toUtf8().constData());
        db.setUserVersion(version);
        tx.commit();
    }
    if (secretsMoved > 0) // the old pages, still in the WAL, leave it too
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void Migrations::migrate(Database& db)
{
    if (db.isPostgres()) {
        if (const auto done = PgSchema::upgrade(db); !done)
            throw DatabaseError(done.error());
        return;
    }
    migrateTo(db, kStepCount);
}

} // namespace activity
