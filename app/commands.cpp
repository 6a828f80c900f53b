#include "app/commands.h"

#include <QtGlobal>

namespace activity {

namespace {
const Command kCommands[] = {
    { "collect", "collect [--once] [--name NAME]", runCollect, false,
        QT_TRANSLATE_NOOP("Commands",
            "Runs every source: listeners and followed files receive, API sources poll on their intervals, alert\n"
            "rules are evaluated. Stop it with Ctrl+C (or SIGTERM): what was received is stored first.\n"
            "  --once       polls each API source and reads each followed file once, then exits\n"
            "  --name NAME  this collector's name in a store shared by several (default: the host name). Each API\n"
            "               source is polled by one live collector at a time; a log source is opened by the\n"
            "               collector its --collector names.\n"
            "A write that fails (a full disk, a PostgreSQL store restarting) is said once; what arrives meanwhile\n"
            "waits in memory (setting store.buffer, in MiB, default 256) and is written when the store is back.") },
    { "import", "import [--site NAME] [--format FORMAT] [--force] FILE...", runImport, false,
        QT_TRANSLATE_NOOP("Commands",
            "Stores nginx access logs: FILE is a path, '-' for standard input; .gz files are read as they are.\n"
            "  --site NAME      the site the lines belong to (default: \"default\")\n"
            "  --format FORMAT  combined (the default), or an nginx log_format string in quotes, for example\n"
            "                   '$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent'\n"
            "                   (any nginx variable is accepted; those the dashboard does not use are kept as text)\n"
            "  --force          import again lines already imported from the same file\n"
            "A file imported before (or the same file grown, or its rotated .gz copy) stores only what is new.") },
    { "sources", "sources list [--json] | add TYPE OPTIONS | edit ID OPTIONS | remove|pause|resume ID [--purge]",
        runSources, false,
        QT_TRANSLATE_NOOP("Commands",
            "`edit` changes the options given and keeps the others (an empty value removes an optional one).\n"
            "Secrets in options (an API key in a URL's query, a password in a URL, the value of a credential header\n"
            "such as Authorization or X-Api-Key) are kept like tokens: in the desktop keyring, else in the data\n"
            "folder's private tokens.json. The database, backups and every output show them masked (••••).\n"
            "  --header-env 'NAME=VARIABLE'  (http-json) a header whose value is read from the environment\n"
            "  --collector NAME              (listeners, followed files) the collector that opens it in a shared\n"
            "                                store (default: this host's name, as `collect` calls itself)") },
    { "report", "report --out DIR [--from DATE] [--to DATE] [--size WxH] [--agents humans|bots|all] [--compare]",
        runReport, true,
        QT_TRANSLATE_NOOP("Commands",
            "Writes CSV files and page images of the range (default: the last 30 days) into DIR, among them\n"
            "events.csv (releases, notes, alerts: time,kind,source,title,url), movers.csv (the referrers, paths,\n"
            "countries and agents that rose or fell most against the period just before, by significance),\n"
            "downloads.csv (path,version,started,completed,bytes) and releases.csv (version,source,day,downloads:\n"
            "source site, the completed downloads, or github, the release-asset downloads gained per day).\n"
            "  --agents     humans, bots or all (default): whose requests the traffic files count (agents.csv\n"
            "               lists people and every bot by class and name); downloads count people's unless given\n"
            "  --compare    requests.csv also has requests_before,visitors_before,bytes_before: the period just\n"
            "               before the range, bucket beside bucket") },
    { "series", "series list [--json] | get ID [--from DATE] [--to DATE] [--step DURATION] [--json]", runSeries, false,
        QT_TRANSLATE_NOOP("Commands",
            "Every figure stored, by id: traffic.requests, traffic.visitors, traffic.bytes, traffic.errors,\n"
            "traffic.status.2xx ... traffic.status.5xx, traffic.share.5xx (percent), each optionally for one site,\n"
            "country or path: traffic.requests{site=\"www\",country=\"DE\"}; ingest.received{source=\"3\"};\n"
            "API figures such as github.stars{repo=\"acme/rocket\"}. `get` prints one value per step (default: 5m\n"
            "up to a day, 1h up to 31 days, else 1d) over the range (default: the last 7 days).") },
    { "alerts",
        "alerts add --series ID (--above X | --below X | --change-over DURATION --by X[%] | --no-data DURATION | "
        "--anomaly [--sensitivity low|medium|high]) "
        "[--for DURATION] [--window DURATION] [--severity info|warning|critical] [--repeat DURATION] "
        "[--webhook URL | --webhook-env VARIABLE [--webhook-format generic|slack|matrix]] [--name NAME] | list "
        "[--json] "
        "| edit ID (--webhook URL | --webhook-env VARIABLE) | remove ID | test ID | history [--json]",
        runAlerts, false,
        QT_TRANSLATE_NOOP("Commands",
            "Rules on any series of `series list`, evaluated by a running `collect` or window (setting\n"
            "alerts.interval, default every 60 s):\n"
            "  --above X, --below X        the value: traffic figures summed over --window (default 5m),\n"
            "                              API figures their latest value\n"
            "  --change-over D --by X[%]   the value against the value D before; X < 0 for a fall (--by -1: fell)\n"
            "  --no-data D                 nothing stored for D (a stalled source, a silent listener)\n"
            "  --anomaly                   the value (summed over --window, default 1h) leaves its usual band for\n"
            "                              that hour of the week: the median and median absolute deviation of the\n"
            "                              same hour over the last four weeks; needs two weeks of data to fire.\n"
            "                              --sensitivity low, medium (default) or high: 6, 4 or 3 deviations wide\n"
            "  --for D                     the condition holds this long before it fires (default 0)\n"
            "  --repeat D                  sent again while firing, this often (default 4h)\n"
            "  --webhook URL               POSTs JSON when it fires and resolves (Slack and Matrix bodies for\n"
            "                              their URLs, or as --webhook-format says). The URL is a secret: kept\n"
            "                              in the keyring (or the private tokens.json), shown by its host only\n"
            "  --webhook-env VARIABLE      the webhook's URL is read from this environment variable when sent\n"
            "`edit` gives a rule its webhook again (after a restore on another machine) or another.\n"
            "`test` evaluates a rule now and prints what it would send; `history` lists what fired and resolved.") },
    { "dashboards", "dashboards list [--json] | export ID FILE | import FILE | remove ID", runDashboards, false,
        QT_TRANSLATE_NOOP("Commands",
            "The pages built in the window (New page): export one to a JSON file and import it on another machine.\n"
            "`report` renders each as custom-NAME.png with its figures in custom-NAME.csv.") },
    { "notes", "notes add --at TIME --text TEXT [--url URL] | list [--json] | remove ID", runNotes, false,
        QT_TRANSLATE_NOOP("Commands",
            "Your own events (\"Posted on Hacker News\", \"Talk at FOSDEM\"), drawn as markers on every time chart\n"
            "and listed in the report's events.csv. TIME is a date (2026-11-25, midnight UTC) or an ISO 8601 time\n"
            "(2026-11-25T14:30:00Z; without a zone, UTC). --url is an http:// or https:// link.") },
    { "events", "events list [--from DATE] [--to DATE] [--json]", runEvents, false,
        QT_TRANSLATE_NOOP("Commands",
            "Every event on the charts, oldest first: releases (GitHub, back-filled on a source's first poll), notes,\n"
            "alert firings and resolutions. Without --from and --to, all of them.") },
    { "downloads", "downloads size PATH BYTES|none | sizes", runDownloads, false,
        QT_TRANSLATE_NOOP("Commands",
            "Requests for files (settings downloads.patterns: .tar.gz .zip .deb ... .AppImage .iso by default) are\n"
            "download attempts; a client's 206 ranges of one file within downloads.window seconds (default 600) are\n"
            "one attempt, completed when they cover the file. `report` writes downloads.csv and releases.csv\n"
            "(people's downloads unless --agents says whose). A file's size comes from the log (a whole 200,\n"
            "$sent_http_content_range, $sent_http_content_length); where the log cannot tell it, give it:\n"
            "  size PATH BYTES   the file's size (none: forget it)\n"
            "  sizes             the sizes given") },
    { "agents", "agents verify", runAgents, false,
        QT_TRANSLATE_NOOP("Commands",
            "Checks again the crawlers that claim a name whose owner publishes how to check it (Googlebot, Bingbot,\n"
            "GPTBot...) and could not be checked when they came (offline, or `import` ended first): by the published\n"
            "address ranges, else by reverse DNS with forward confirmation (setting agents.dns_server). The verdicts\n"
            "apply to the requests already stored: agents.csv says verified or spoofed.") },
    { "store", "store init URL | migrate --from URL --to URL", runStore, false,
        QT_TRANSLATE_NOOP("Commands",
            "The store is where every figure is kept: a SQLite file (sqlite:PATH, the default is the data folder's\n"
            "activity.sqlite) or a PostgreSQL database a team shares (postgresql://USER@HOST:PORT/DB?sslmode=...;\n"
            "the password from ~/.pgpass or PGPASSWORD). Every command and the window take --store URL, or\n"
            "ACTIVITY_STORE.\n"
            "  init URL                    creates the schema in a PostgreSQL database, and the roles\n"
            "                              activity_collector (writes) and activity_viewer (reads only), or prints\n"
            "                              the GRANTs for an administrator\n"
            "  migrate --from URL --to URL copies everything (sources, figures, requests, settings, alerts, pages)\n"
            "                              from one store to another, SQLite or PostgreSQL, into an empty store or\n"
            "                              on from where an interrupted copy stopped; checks the rows of every "
            "table") },
    { "geoip", "geoip [--db FILE] IP...", runGeoip, false },
    { "stats", "stats [--json]", runStats, false },
    { "settings", "settings [list] | get KEY | set KEY VALUE | unset KEY", runSettings, false },
    { "backup", "backup FILE", runBackup, false },
    { "restore", "restore FILE", runRestore, false },
};
} // namespace

const Command* findCommand(const QString& name)
{
    for (const Command& c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

const Command* allCommands(int* count)
{
    *count = int(sizeof(kCommands) / sizeof(kCommands[0]));
    return kCommands;
}

} // namespace activity
