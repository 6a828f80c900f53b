#include "core/query/downloadquery.h"

#include "core/downloads/downloadsizestore.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace activity {

namespace {
// "bytes 100-199/1000" -> first 100, last 199, total 1000 (-1 where absent or '*').
void parseContentRange(const QString& text, qint64& first, qint64& last, qint64& total)
{
    first = last = total = -1;
    QStringView v(text);
    if (!v.startsWith(QLatin1String("bytes ")))
        return;
    v = v.sliced(6).trimmed();
    const qsizetype slash = v.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return;
    bool ok = false;
    const qint64 t = v.sliced(slash + 1).toLongLong(&ok);
    if (ok && t > 0)
        total = t;
    const QStringView span = v.first(slash);
    const qsizetype dash = span.indexOf(QLatin1Char('-'));
    if (dash <= 0)
        return;
    bool okFirst = false;
    bool okLast = false;
    const qint64 f = span.first(dash).toLongLong(&okFirst);
    const qint64 l = span.sliced(dash + 1).toLongLong(&okLast);
    if (okFirst && okLast && f >= 0 && l >= f) {
        first = f;
        last = l;
    }
}

// What the rows tell of each file's size: the largest the log names (a content range's total, a 200's content
// length), else the largest 200. Also reads a 206's byte range into the request.
struct SizeEvidence {
    QHash<qint64, qint64> logged;
    QHash<qint64, qint64> largest200;

    void note(DownloadRequest& r, const QString& extraJson)
    {
        qint64 total = -1;
        if (!extraJson.isEmpty()) {
            const QJsonObject extra = QJsonDocument::fromJson(extraJson.toUtf8()).object();
            const QString range = extra.value(QLatin1String("sent_http_content_range")).toString();
            if (r.status == 206 && !range.isEmpty())
                parseContentRange(range, r.rangeFirst, r.rangeLast, total);
            bool ok = false;
            const qint64 length = extra.value(QLatin1String("sent_http_content_length")).toString().toLongLong(&ok);
            if (r.status == 200 && ok && length > 0)
                total = length;
        }
        if (total > 0)
            logged[r.file] = qMax(logged.value(r.file), total);
        if (r.status == 200)
            largest200[r.file] = qMax(largest200.value(r.file), r.bytes);
    }
    qint64 size(qint64 file) const { return logged.value(file, largest200.value(file, -1)); }
};

struct Candidates {
    QHash<qint64, QString> paths; // download paths by string id
    QSet<qint64> gets; // the ids of "GET"
};

Candidates candidates(Database& db, const DownloadPatterns& patterns)
{
    Candidates c;
    Statement st = db.prepare("SELECT id, value FROM strings");
    while (st.step()) {
        const QByteArrayView value = st.bytes(1);
        if (value == QByteArrayView("GET"))
            c.gets.insert(st.int64(0));
        else if (value.startsWith('/') && patterns.matches(value))
            c.paths.insert(st.int64(0), QString::fromUtf8(value));
    }
    return c;
}

bool inScope(int agentClass, AgentScope scope)
{
    switch (scope) {
    case AgentScope::Humans:
        return agentClass == 0;
    case AgentScope::Bots:
        return agentClass > 0;
    case AgentScope::All:
        break;
    }
    return true;
}
} // namespace

DownloadOptions DownloadOptions::read(Database& db, AgentScope scope)
{
    DownloadOptions o;
    o.scope = scope;
    if (!DownloadPatterns::parse(AppSettings::downloadPatterns(db), &o.patterns).isEmpty())
        (void)DownloadPatterns::parse(DownloadPatterns::defaultText(), &o.patterns);
    o.windowSecs = AppSettings::downloadWindowSecs(db);
    o.givenSizes = DownloadSizeStore(db).all();
    return o;
}

QList<DownloadItem> DownloadQuery::attempts(
    Database& db, qint64 fromSecs, qint64 toSecs, const DownloadOptions& options)
{
    const Candidates c = candidates(db, options.patterns);
    if (c.paths.isEmpty() || c.gets.isEmpty())
        return {};
    QStringList ids;
    for (auto it = c.paths.cbegin(); it != c.paths.cend(); ++it)
        ids.append(QString::number(it.key())); // our own integers, never text from the log
    QStringList methods;
    for (qint64 id : c.gets)
        methods.append(QString::number(id));
    const QString sql = QStringLiteral("SELECT id >> 20, site_id, addr, agent_id, path_id, status, bytes, country, "
                                       "extra, agent_class FROM requests WHERE id >= ? AND id < ? AND status IN "
                                       "(200, 206) AND method_id IN (%1) AND path_id IN (%2) ORDER BY id")
                            .arg(methods.join(QLatin1Char(',')), ids.join(QLatin1Char(',')));
    Statement st = db.prepare(sql.toUtf8().constData());
    st.bind(1, RequestKeys::firstId(fromSecs - options.windowSecs));
    st.bind(2, RequestKeys::firstId(toSecs + options.windowSecs));

    SizeEvidence evidence;
    QList<DownloadRequest> requests;
    while (st.step()) {
        DownloadRequest r;
        r.ts = st.int64(0);
        r.file = st.int64(4);
        r.status = int(st.int64(5));
        r.bytes = st.int64(6);
        evidence.note(r, st.isNull(8) ? QString() : st.text(8));
        r.tag = st.isNull(9) ? -1 : int(st.int64(9));
        if (r.tag < 0 ? options.scope != AgentScope::All : !inScope(r.tag, options.scope))
            continue;
        const QByteArrayView addr = st.bytes(2);
        r.client = addr.toByteArray();
        r.client.append(QByteArray::number(st.int64(3))).append('/').append(QByteArray::number(st.int64(1)));
        const QByteArrayView country = st.bytes(7);
        r.country = country.toByteArray();
        requests.append(std::move(r));
    }

    // Files with attempts whose size neither the user nor the rows read tell: from their other stored rows (a whole
    // 200 seen later or earlier), reading those files' rows only.
    QStringList unknown;
    QSet<qint64> asked;
    for (const DownloadRequest& r : std::as_const(requests))
        if (!asked.contains(r.file) && options.givenSizes.value(c.paths.value(r.file), -1) <= 0
            && evidence.size(r.file) <= 0) {
            asked.insert(r.file);
            unknown.append(QString::number(r.file));
        }
    if (!unknown.isEmpty()) {
        Statement more = db.prepare(QStringLiteral("SELECT path_id, status, bytes, extra FROM requests WHERE (id < ? "
                                                   "OR id >= ?) AND status IN (200, 206) AND method_id IN (%1) AND "
                                                   "path_id IN (%2)")
                                        .arg(methods.join(QLatin1Char(',')), unknown.join(QLatin1Char(',')))
                                        .toUtf8()
                                        .constData());
        more.bind(1, RequestKeys::firstId(fromSecs - options.windowSecs));
        more.bind(2, RequestKeys::firstId(toSecs + options.windowSecs));
        while (more.step()) {
            DownloadRequest r;
            r.file = more.int64(0);
            r.status = int(more.int64(1));
            r.bytes = more.int64(2);
            evidence.note(r, more.isNull(3) ? QString() : more.text(3));
        }
    }

    QHash<qint64, qint64> sizes;
    for (auto it = c.paths.cbegin(); it != c.paths.cend(); ++it) {
        const qint64 given = options.givenSizes.value(it.value(), -1);
        const qint64 size = given > 0 ? given : evidence.size(it.key());
        if (size > 0)
            sizes.insert(it.key(), size);
    }

    QList<DownloadItem> out;
    QHash<qint64, QString> versions;
    for (const DownloadAttempt& a : mergeDownloads(requests, sizes, options.windowSecs)) {
        if (a.start < fromSecs || a.start >= toSecs)
            continue;
        DownloadItem item;
        item.path = c.paths.value(a.file);
        auto v = versions.find(a.file);
        if (v == versions.end())
            v = versions.insert(a.file, downloadVersion(item.path.toUtf8()));
        item.version = *v;
        item.start = a.start;
        item.country = a.country.size() == 2 ? QString::fromLatin1(a.country) : QString();
        item.bytes = a.bytes;
        item.completed = a.completed;
        out.append(item);
    }
    return out;
}

QMap<QString, DownloadFigure> DownloadQuery::byPath(const QList<DownloadItem>& items)
{
    QMap<QString, DownloadFigure> out;
    for (const DownloadItem& item : items)
        out[item.path].add(item);
    return out;
}

QMap<QPair<QString, qint64>, DownloadFigure> DownloadQuery::byVersionDay(const QList<DownloadItem>& items)
{
    QMap<QPair<QString, qint64>, DownloadFigure> out;
    for (const DownloadItem& item : items)
        if (!item.version.isEmpty())
            out[{ item.version, item.start - item.start % 86400 }].add(item);
    return out;
}

QMap<QString, DownloadFigure> DownloadQuery::byCountry(const QList<DownloadItem>& items)
{
    QMap<QString, DownloadFigure> out;
    for (const DownloadItem& item : items)
        out[item.country].add(item);
    return out;
}

} // namespace activity
