#include "core/query/seriescatalogue.h"

#include "core/query/downloadquery.h"
#include "core/query/seriesid.h"
#include "core/query/trafficquery.h"
#include "core/sources/github/githubassets.h"
#include "core/sources/github/githubtype.h"
#include "core/sources/sourceregistry.h"
#include "core/storage/database.h"
#include "core/storage/rollupschema.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SeriesCatalogue)
};

enum class Family { Traffic, Share, Ingest, Api, Downloads };
enum class Field { Requests, Visitors, Bytes };

// Which rollup rows a traffic or ingest series sums: a dimension and a key, or a range of keys (status classes).
struct Selection {
    QString dim;
    QString key;
    QString keyEnd; // non-empty: keys in [key, keyEnd)
    bool outside = false; // with keyEnd: the keys outside [key, keyEnd) instead (bots: every agent but people)
    qint64 site = -1; // -1: every site
    qint64 finest = 60;
};

struct Resolved {
    Family family = Family::Traffic;
    CatalogueEntry entry;
    Field field = Field::Requests;
    Selection rows;
    Selection total; // a share's denominator
    qint64 seriesId = 0; // API
    qint64 sourceId = 0; // API: whose last poll counts as data
    bool completedOnly = false; // downloads: completed ones, else every attempt started
    QString path; // downloads: one file (empty: every one)
    QString version; // downloads: one release (empty: every one)
};

struct TrafficName {
    const char* name;
    const char* label; // for people
    Field field;
    int statusClass; // 0: none; 9: 4xx and 5xx
    bool share;
};

const TrafficName kTraffic[] = {
    { "traffic.requests", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests"), Field::Requests, 0, false },
    { "traffic.visitors", QT_TRANSLATE_NOOP("SeriesCatalogue", "Visitors"), Field::Visitors, 0, false },
    { "traffic.bytes", QT_TRANSLATE_NOOP("SeriesCatalogue", "Bytes sent"), Field::Bytes, 0, false },
    { "traffic.errors", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests answered 4xx or 5xx"), Field::Requests, 9,
        false },
    { "traffic.status.1xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests answered 1xx"), Field::Requests, 1, false },
    { "traffic.status.2xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests answered 2xx"), Field::Requests, 2, false },
    { "traffic.status.3xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests answered 3xx"), Field::Requests, 3, false },
    { "traffic.status.4xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests answered 4xx"), Field::Requests, 4, false },
    { "traffic.status.5xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Requests answered 5xx"), Field::Requests, 5, false },
    { "traffic.share.4xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Share of requests answered 4xx"), Field::Requests, 4,
        true },
    { "traffic.share.5xx", QT_TRANSLATE_NOOP("SeriesCatalogue", "Share of requests answered 5xx"), Field::Requests, 5,
        true },
    { "traffic.share.errors", QT_TRANSLATE_NOOP("SeriesCatalogue", "Share of requests answered 4xx or 5xx"),
        Field::Requests, 9, true },
};

struct IngestName {
    const char* name;
    Rollup::Dim dim;
    const char* label;
};
const IngestName kIngest[] = {
    { "ingest.received", Rollup::Dim::Received, QT_TRANSLATE_NOOP("SeriesCatalogue", "Log lines received") },
    { "ingest.rejected", Rollup::Dim::Rejected, QT_TRANSLATE_NOOP("SeriesCatalogue", "Log lines rejected") },
    { "ingest.dropped", Rollup::Dim::Dropped, QT_TRANSLATE_NOOP("SeriesCatalogue", "Log lines dropped") },
};

const char* unitOf(Field f)
{
    return f == Field::Bytes ? "bytes" : f == Field::Visitors ? "visitors" : "requests";
}

// "GitHub" for github's series; the provider itself for the generic ones (http-json, prometheus).
QString providerLabel(const QString& provider)
{
    const SourceTypeSpec* type = SourceRegistry::builtIn().findProvider(provider);
    return type && type->seriesPerRepository ? type->label : provider;
}

bool perRepository(const QString& provider)
{
    const SourceTypeSpec* type = SourceRegistry::builtIn().findProvider(provider);
    return type && type->seriesPerRepository;
}

// GitHub's per-asset download counts, whose repository column is "OWNER/NAME\nTAG\nASSET" (GitHubAssets).
bool isAssetSeries(const QString& provider, const QString& metric)
{
    return provider == gitHubTypeName() && metric == QLatin1String(GitHubAssets::kMetric);
}

// An API series row as an id: GitHub and Docker Hub name their repository; the other types their source and the
// labels kept in the repository column ("ID" or "ID:k=v;k2=v2").

SeriesId apiId(const QString& provider, const QString& repository, const QString& metric)
{
    SeriesId id;
    id.name = provider + QLatin1Char('.') + metric;
    if (isAssetSeries(provider, metric)) {
        // github.asset_downloads{repo="o/n",asset="f"}: the release's tag is a label of its own where it is needed.
        const auto key = GitHubAssets::decode(repository);
        id.labels.append({ QStringLiteral("repo"), key ? key->repo : repository });
        if (key)
            id.labels.append({ QStringLiteral("asset"), key->asset });
        return id;
    }
    if (perRepository(provider)) {
        id.labels.append({ QStringLiteral("repo"), repository });
        return id;
    }
    id.labels.append({ QStringLiteral("source"), repository.section(QLatin1Char(':'), 0, 0) });
    const QString labels = repository.section(QLatin1Char(':'), 1);
    if (labels.isEmpty())
        return id;
    for (const QString& part : labels.split(QLatin1Char(';'))) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0)
            id.labels.append({ part.left(eq), part.mid(eq + 1) });
        else if (!id.labels.isEmpty()) // a ';' inside a value
            id.labels.last().second += QLatin1Char(';') + part;
    }
    return id;
}

QString apiName(const QString& provider, const QString& metric, const QString& owner, const SeriesId& id)
{
    QStringList parts { owner };
    for (const auto& [k, v] : id.labels)
        if (k != QLatin1String("repo") && k != QLatin1String("source"))
            parts.append(k + QLatin1Char('=') + v);
    return QStringLiteral("%1 %2 (%3)").arg(providerLabel(provider), metric, parts.join(QStringLiteral(", ")));
}

QString unitOfMetric(const QString& metric)
{
    if (metric.endsWith(QLatin1String("_bytes")) || metric.endsWith(QLatin1String("_bytes_total")))
        return QStringLiteral("bytes");
    if (metric.endsWith(QLatin1String("_seconds")) || metric.endsWith(QLatin1String("_seconds_total")))
        return QStringLiteral("seconds");
    return {};
}

bool resolveApi(Database& db, const SeriesId& id, Resolved& r, QString* error)
{
    const qsizetype dot = id.name.indexOf(QLatin1Char('.'));
    const QString provider = id.name.left(dot);
    const QString metric = id.name.mid(dot + 1);
    Statement st = db.prepare("SELECT s.id, s.repository, s.source_id, coalesce(src.name, '') FROM series s "
                              "LEFT JOIN sources src ON src.id = s.source_id WHERE s.provider = ? AND s.metric = ?");
    st.bind(1, provider).bind(2, metric);
    const QString wanted = id.text();
    if (isAssetSeries(provider, metric)) {
        // An asset's downloads: by repository and file name, and the release's tag when the name is in several.
        for (const auto& [k, v] : id.labels)
            if (k != QLatin1String("repo") && k != QLatin1String("asset") && k != QLatin1String("tag")) {
                if (error)
                    *error = Text::tr("%1 has no label '%2'").arg(id.name, k);
                return false;
            }
        const QString repo = id.label(QStringLiteral("repo"));
        const QString asset = id.label(QStringLiteral("asset"));
        const bool anyTag = !id.hasLabel(QStringLiteral("tag"));
        QStringList tags;
        while (st.step()) {
            const auto key = GitHubAssets::decode(st.text(1));
            if (!key || key->repo != repo || key->asset != asset
                || (!anyTag && key->tag != id.label(QStringLiteral("tag"))))
                continue;
            tags.append(key->tag);
            r.family = Family::Api;
            r.seriesId = st.int64(0);
            r.sourceId = st.isNull(2) ? 0 : st.int64(2);
            r.entry = { wanted, Text::tr("GitHub downloads of %1 (%2, %3)").arg(asset, repo, key->tag), QString() };
        }
        if (tags.size() == 1)
            return true;
        if (error)
            *error = tags.isEmpty()
                ? Text::tr("no series %1: `series list` shows the assets whose downloads are stored").arg(wanted)
                : Text::tr("%1: %2 is an asset of several releases (%3): name one with tag=\"...\"")
                      .arg(wanted, asset, tags.join(QStringLiteral(", ")));
        return false;
    }
    bool anyOfName = false;
    while (st.step()) {
        anyOfName = true;
        const SeriesId rowId = apiId(provider, st.text(1), metric);
        if (rowId.text() != wanted)
            continue;
        r.family = Family::Api;
        r.seriesId = st.int64(0);
        r.sourceId = st.isNull(2) ? 0 : st.int64(2);
        const QString owner = perRepository(provider)
            ? st.text(1)
            : (st.text(3).isEmpty() ? QLatin1Char('#') + rowId.label(QStringLiteral("source")) : st.text(3));
        r.entry = { wanted, apiName(provider, metric, owner, rowId), unitOfMetric(metric) };
        return true;
    }
    if (error)
        *error = anyOfName
            ? Text::tr("no series %1: check the labels with `series list`").arg(wanted)
            : Text::tr("no series %1 (nothing named %2 is stored yet): `series list` shows those there are")
                  .arg(wanted, id.name);
    return false;
}

bool resolve(Database& db, const QString& text, Resolved& r, QString* error)
{
    const std::optional<SeriesId> id = SeriesId::parse(text, error);
    if (!id)
        return false;
    const auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const auto onlyLabels = [&](std::initializer_list<const char*> allowed) {
        for (const auto& [k, v] : id->labels) {
            bool ok = false;
            for (const char* a : allowed)
                ok = ok || k == QLatin1String(a);
            if (!ok)
                return fail(Text::tr("%1 has no label '%2'").arg(id->name, k));
        }
        return true;
    };
    for (const TrafficName& t : kTraffic) {
        if (id->name != QLatin1String(t.name))
            continue;
        if (!onlyLabels(t.statusClass || t.share
                    ? std::initializer_list<const char*> { "site" }
                    : std::initializer_list<const char*> { "site", "country", "path", "agents" }))
            return false;
        if (int(id->hasLabel(QStringLiteral("country"))) + int(id->hasLabel(QStringLiteral("path")))
                + int(id->hasLabel(QStringLiteral("agents")))
            > 1)
            return fail(
                Text::tr("%1: traffic is kept per country, per path or per agents (people or bots), not two at once")
                    .arg(text));
        const QString agents = id->label(QStringLiteral("agents"));
        if (id->hasLabel(QStringLiteral("agents")) && agents != QLatin1String("humans")
            && agents != QLatin1String("bots"))
            return fail(Text::tr("%1: agents must be \"humans\" or \"bots\"").arg(text));
        const QString site = id->label(QStringLiteral("site"));
        r.family = t.share ? Family::Share : Family::Traffic;
        r.field = t.field;
        r.rows.site = id->hasLabel(QStringLiteral("site")) ? TrafficQuery::siteId(db, site) : -1;
        if (id->hasLabel(QStringLiteral("site")) && site.isEmpty())
            return fail(Text::tr("%1: the site label is empty").arg(text));
        r.total = r.rows;
        QStringList qualifiers;
        if (t.statusClass) {
            r.rows.dim = QString::fromLatin1(Rollup::name(Rollup::Dim::Status));
            r.rows.key = QString::number(t.statusClass == 9 ? 4 : t.statusClass) + QStringLiteral("00");
            r.rows.keyEnd = QString::number(t.statusClass == 9 ? 6 : t.statusClass + 1) + QStringLiteral("00");
        } else if (id->hasLabel(QStringLiteral("country"))) {
            r.rows.dim = QString::fromLatin1(Rollup::name(Rollup::Dim::Country));
            r.rows.key = id->label(QStringLiteral("country")).toUpper();
            qualifiers.append(r.rows.key);
        } else if (id->hasLabel(QStringLiteral("agents"))) {
            // 'agents' keys are "class/verification/name": people's are those from "human/" to "human0".
            r.rows.dim = QString::fromLatin1(Rollup::name(Rollup::Dim::Agents));
            r.rows.key = QStringLiteral("human/");
            r.rows.keyEnd = QStringLiteral("human0");
            r.rows.outside = agents == QLatin1String("bots");
            qualifiers.append(agents);
        } else if (id->hasLabel(QStringLiteral("path"))) {
            r.rows.dim = QString::fromLatin1(Rollup::name(Rollup::Dim::Path));
            r.rows.key = id->label(QStringLiteral("path"));
            r.rows.finest = 3600;
            qualifiers.append(r.rows.key);
        }
        if (!site.isEmpty())
            qualifiers.append(site);
        const QString label = QCoreApplication::translate("SeriesCatalogue", t.label);
        r.entry = { id->text(),
            qualifiers.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, qualifiers.join(QStringLiteral(", "))),
            t.share ? QStringLiteral("%") : QString::fromLatin1(unitOf(t.field)), !t.share };
        return true;
    }
    for (const IngestName& n : kIngest) {
        if (id->name != QLatin1String(n.name))
            continue;
        if (!onlyLabels({ "source" }))
            return false;
        r.family = Family::Ingest;
        r.rows.dim = QString::fromLatin1(Rollup::name(n.dim));
        r.rows.site = 0;
        r.rows.finest = 3600;
        const QString source = id->label(QStringLiteral("source"));
        if (id->hasLabel(QStringLiteral("source")))
            r.rows.key = source;
        else
            r.rows.keyEnd = QStringLiteral("\xff"); // every source
        const QString label = QCoreApplication::translate("SeriesCatalogue", n.label);
        r.entry = { id->text(), source.isEmpty() ? label : Text::tr("%1 (source %2)").arg(label, source),
            QStringLiteral("lines"), true };
        return true;
    }
    if (id->name == QLatin1String("downloads.started") || id->name == QLatin1String("downloads.completed")) {
        if (!onlyLabels({ "path", "version" }))
            return false;
        r.family = Family::Downloads;
        r.completedOnly = id->name == QLatin1String("downloads.completed");
        r.path = id->label(QStringLiteral("path"));
        r.version = id->label(QStringLiteral("version"));
        QStringList qualifiers;
        for (const QString& q : { r.path, r.version })
            if (!q.isEmpty())
                qualifiers.append(q);
        const QString label = r.completedOnly ? Text::tr("Downloads completed") : Text::tr("Downloads started");
        r.entry = { id->text(),
            qualifiers.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, qualifiers.join(QStringLiteral(", "))),
            QStringLiteral("downloads"), true };
        return true;
    }
    if (id->name.indexOf(QLatin1Char('.')) > 0)
        return resolveApi(db, *id, r, error);
    return fail(Text::tr("no series is named %1: `series list` shows those there are").arg(id->name));
}

// Sums of the selected rollup rows per rollup bucket in [from, to).
QMap<qint64, qint64> rollupSums(Database& db, const Selection& s, Field field, qint64 period, qint64 from, qint64 to)
{
    Statement st = db.prepare("SELECT bucket, sum(requests), sum(visitors), sum(bytes) FROM rollups "
                              "WHERE period = ?1 AND dim = coalesce(?2, '') AND bucket >= ?3 AND bucket < ?4 "
                              "AND (?5 = -1 OR site_id = ?5) "
                              "AND (CASE WHEN coalesce(?7, '') = '' THEN key = coalesce(?6, '') "
                              "ELSE (CASE WHEN key >= ?6 AND key < ?7 THEN 1 ELSE 0 END) <> ?8 END) "
                              "GROUP BY bucket");
    st.bind(1, period).bind(2, s.dim).bind(3, from).bind(4, to).bind(5, s.site).bind(6, s.key).bind(7, s.keyEnd);
    st.bind(8, s.outside ? 1 : 0);
    QMap<qint64, qint64> out;
    const int column = field == Field::Requests ? 1 : field == Field::Visitors ? 2 : 3;
    while (st.step())
        out.insert(st.int64(0), st.int64(column));
    return out;
}

// People's download attempts of the selection starting in [from, to) (DownloadQuery, from raw rows).
QList<qint64> downloadStarts(Database& db, const Resolved& r, qint64 from, qint64 to)
{
    QList<qint64> out;
    for (const DownloadItem& item : DownloadQuery::attempts(db, from, to, DownloadOptions::read(db)))
        if ((!r.completedOnly || item.completed) && (r.path.isEmpty() || item.path == r.path)
            && (r.version.isEmpty() || item.version == r.version))
            out.append(item.start);
    return out;
}

qint64 periodFor(qint64 step, qint64 finest)
{
    const qint64 p = step % 86400 == 0 ? 86400 : step % 3600 == 0 ? 3600 : 60;
    return qMax(p, finest);
}

QMap<qint64, qint64> bucketed(Database& db, const Selection& s, Field field, const TimeRange& range, qint64 step)
{
    const qint64 period = periodFor(step, s.finest);
    const qint64 from = range.fromSecs - range.fromSecs % step;
    QMap<qint64, qint64> out;
    for (qint64 b = from; b < range.toSecs; b += step)
        out.insert(b, 0);
    const QMap<qint64, qint64> sums = rollupSums(db, s, field, period, from, range.toSecs);
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out[it.key() - it.key() % step] += it.value();
    return out;
}
} // namespace

QList<CatalogueEntry> SeriesCatalogue::list(Database& db)
{
    QList<CatalogueEntry> out;
    QStringList sites = TrafficQuery::sites(db);
    QStringList countries;
    Statement c = db.prepare("SELECT DISTINCT key FROM rollups WHERE period = 86400 AND dim = ? AND key <> '' "
                             "ORDER BY key");
    c.bind(1, QString::fromLatin1(Rollup::name(Rollup::Dim::Country)));
    while (c.step())
        countries.append(c.text(0));
    // The busiest paths of the last 30 days of data (each path is answerable, these are the ones worth listing).
    QStringList paths;
    Statement p = db.prepare("SELECT key FROM rollups WHERE period = 86400 AND dim = ?1 AND key <> '' "
                             "AND bucket >= (SELECT coalesce(max(bucket), 0) - 30 * 86400 FROM rollups "
                             "WHERE period = 86400 AND dim = ?2) GROUP BY key ORDER BY sum(requests) DESC, key "
                             "LIMIT 20");
    p.bind(1, QString::fromLatin1(Rollup::name(Rollup::Dim::Path)));
    p.bind(2, QString::fromLatin1(Rollup::name(Rollup::Dim::Total)));
    while (p.step())
        paths.append(p.text(0));
    const auto add = [&](const SeriesId& id) {
        QString ignored;
        out.append(describe(db, id.text(), &ignored));
    };
    const bool anyTraffic = !sites.isEmpty();
    for (const TrafficName& t : kTraffic) {
        if (!anyTraffic)
            break;
        add({ QString::fromLatin1(t.name), {} });
        if (sites.size() > 1)
            for (const QString& s : sites)
                add({ QString::fromLatin1(t.name), { { QStringLiteral("site"), s } } });
        if (t.statusClass)
            continue;
        for (const QString& country : countries)
            add({ QString::fromLatin1(t.name), { { QStringLiteral("country"), country } } });
        if (t.field == Field::Requests)
            for (const QString& path : paths)
                add({ QString::fromLatin1(t.name), { { QStringLiteral("path"), path } } });
    }
    Statement logs = db.prepare("SELECT id FROM sources WHERE type IN ('syslog', 'logfile', 'remotelog') ORDER BY id");
    QList<qint64> logSources;
    while (logs.step())
        logSources.append(logs.int64(0));
    for (const IngestName& n : kIngest) {
        if (logSources.isEmpty())
            break;
        add({ QString::fromLatin1(n.name), {} });
        for (qint64 s : logSources)
            add({ QString::fromLatin1(n.name), { { QStringLiteral("source"), QString::number(s) } } });
    }
    // Downloads: every file's, and each release's of the last 30 days of stored requests.
    if (const std::optional<qint64> last = db.queryInt("SELECT max(id) FROM requests"); last && *last > 0) {
        const qint64 lastTs = *last >> 20;
        const QList<DownloadItem> items
            = DownloadQuery::attempts(db, lastTs - 30 * 86400, lastTs + 1, DownloadOptions::read(db));
        if (!items.isEmpty()) {
            QStringList versions;
            for (const auto& [version, day] : DownloadQuery::byVersionDay(items).keys())
                if (!versions.contains(version))
                    versions.append(version);
            for (const char* name : { "downloads.started", "downloads.completed" }) {
                add({ QString::fromLatin1(name), {} });
                for (const QString& v : versions)
                    add({ QString::fromLatin1(name), { { QStringLiteral("version"), v } } });
            }
        }
    }
    Statement api = db.prepare("SELECT s.provider, s.repository, s.metric FROM series s "
                               "WHERE EXISTS (SELECT 1 FROM samples WHERE series_id = s.id) "
                               "ORDER BY s.provider, s.metric, s.repository");
    QList<SeriesId> apiIds;
    QHash<QString, int> named; // an id's text -> how many series it names (an asset's file name in several releases)
    while (api.step()) {
        SeriesId id = apiId(api.text(0), api.text(1), api.text(2));
        if (isAssetSeries(api.text(0), api.text(2)))
            if (const auto key = GitHubAssets::decode(api.text(1)))
                id.labels.append({ QStringLiteral("tag"), key->tag }); // dropped below where the name is enough
        apiIds.append(id);
        if (id.hasLabel(QStringLiteral("tag"))) {
            SeriesId plain = id;
            plain.labels.removeLast();
            ++named[plain.text()];
        }
    }
    for (SeriesId id : apiIds) {
        if (id.hasLabel(QStringLiteral("tag"))) {
            SeriesId plain = id;
            plain.labels.removeLast();
            if (named.value(plain.text()) == 1)
                id = plain;
        }
        add(id);
    }
    return out;
}

CatalogueEntry SeriesCatalogue::describe(Database& db, const QString& id, QString* error)
{
    Resolved r;
    return resolve(db, id, r, error) ? r.entry : CatalogueEntry {};
}

SeriesValues SeriesCatalogue::get(Database& db, const QString& id, const TimeRange& range, qint64 step)
{
    SeriesValues v;
    v.step = step;
    Resolved r;
    if (step <= 0 || !range.isValid()) {
        v.error = Text::tr("a series is read over a range that ends after it starts, in steps of a second or more");
        return v;
    }
    if (!resolve(db, id, r, &v.error))
        return v;
    v.entry = r.entry;
    switch (r.family) {
    case Family::Traffic:
    case Family::Ingest: {
        const QMap<qint64, qint64> sums = bucketed(db, r.rows, r.field, range, step);
        for (auto it = sums.cbegin(); it != sums.cend(); ++it)
            v.points.append({ it.key(), double(it.value()) });
        break;
    }
    case Family::Share: {
        const QMap<qint64, qint64> part = bucketed(db, r.rows, r.field, range, step);
        const QMap<qint64, qint64> all = bucketed(db, r.total, r.field, range, step);
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            if (it.value() > 0)
                v.points.append({ it.key(), 100.0 * double(part.value(it.key())) / double(it.value()) });
        break;
    }
    case Family::Downloads: {
        const qint64 from = range.fromSecs - range.fromSecs % step;
        QMap<qint64, qint64> counts;
        for (qint64 b = from; b < range.toSecs; b += step)
            counts.insert(b, 0);
        for (qint64 start : downloadStarts(db, r, from, range.toSecs))
            ++counts[start - start % step];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            v.points.append({ it.key(), double(it.value()) });
        break;
    }
    case Family::Api: {
        Statement st
            = db.prepare("SELECT ts, value FROM samples WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts");
        st.bind(1, r.seriesId).bind(2, range.fromSecs).bind(3, range.toSecs);
        while (st.step()) {
            const qint64 bucket = st.int64(0) - st.int64(0) % step;
            if (!v.points.isEmpty() && v.points.last().ts == bucket)
                v.points.last().value = st.real(1);
            else
                v.points.append({ bucket, st.real(1) });
        }
        break;
    }
    }
    return v;
}

std::optional<double> SeriesCatalogue::valueAt(
    Database& db, const QString& id, qint64 at, qint64 window, QString* error)
{
    Resolved r;
    if (!resolve(db, id, r, error))
        return std::nullopt;
    window = qMax<qint64>(window, 60);
    // The buckets starting in [at - window, at) (the last one still filling): minutes, or hours for whole hours.
    const auto sum = [&](const Selection& s) {
        // Fine enough to follow the window's start closely, coarse enough to stay a few thousand rows.
        const qint64 period = qMax<qint64>(window <= 6 * 3600 ? 60 : window <= 60 * 86400 ? 3600 : 86400, s.finest);
        const qint64 from = at - window;
        const qint64 firstBucket = from % period == 0 ? from : from - from % period + period;
        const QMap<qint64, qint64> sums = rollupSums(db, s, r.field, period, firstBucket, at);
        qint64 total = 0;
        for (qint64 value : sums)
            total += value;
        return total;
    };
    switch (r.family) {
    case Family::Traffic:
    case Family::Ingest:
        return double(sum(r.rows));
    case Family::Downloads:
        return double(downloadStarts(db, r, at - window, at).size());
    case Family::Share: {
        const qint64 all = sum(r.total);
        if (all == 0)
            return std::nullopt;
        return 100.0 * double(sum(r.rows)) / double(all);
    }
    case Family::Api: {
        Statement st = db.prepare("SELECT value FROM samples WHERE series_id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1");
        st.bind(1, r.seriesId).bind(2, at);
        if (st.step())
            return st.real(0);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

qint64 SeriesCatalogue::lastDataAt(Database& db, const QString& id, QString* error)
{
    Resolved r;
    if (!resolve(db, id, r, error))
        return 0;
    if (r.family == Family::Api) {
        Statement st = db.prepare("SELECT max(coalesce((SELECT max(ts) FROM samples WHERE series_id = ?1), 0), "
                                  "coalesce((SELECT last_success FROM fetch_state WHERE source_id = ?2), 0))");
        st.bind(1, r.seriesId).bind(2, r.sourceId);
        return st.step() ? st.int64(0) : 0;
    }
    if (r.family == Family::Downloads) {
        // The last attempt in the 30 days before the newest stored request.
        const std::optional<qint64> last = db.queryInt("SELECT max(id) FROM requests");
        if (!last || *last <= 0)
            return 0;
        const QList<qint64> starts = downloadStarts(db, r, (*last >> 20) - 30 * 86400, (*last >> 20) + 1);
        return starts.isEmpty() ? 0 : starts.last();
    }
    if (r.family == Family::Ingest && !r.rows.key.isEmpty()
        && r.rows.dim == QLatin1String(Rollup::name(Rollup::Dim::Received))) {
        // A listener or followed file: when it last received a line (kept to the second, not per hour).
        Statement st
            = db.prepare("SELECT value FROM ingest_counters WHERE source_id = ? AND name = 'last_received_at'");
        st.bind(1, r.rows.key.toLongLong());
        if (st.step())
            return st.int64(0);
    }
    Statement st = db.prepare("SELECT max(bucket) FROM rollups WHERE period = ?1 AND dim = coalesce(?2, '') "
                              "AND (?3 = -1 OR site_id = ?3) "
                              "AND (CASE WHEN coalesce(?5, '') = '' THEN key = coalesce(?4, '') "
                              "ELSE (CASE WHEN key >= ?4 AND key < ?5 THEN 1 ELSE 0 END) <> ?6 END)");
    st.bind(1, r.rows.finest).bind(2, r.rows.dim).bind(3, r.rows.site).bind(4, r.rows.key).bind(5, r.rows.keyEnd);
    st.bind(6, r.rows.outside ? 1 : 0);
    return st.step() && !st.isNull(0) ? st.int64(0) : 0;
}

} // namespace activity
