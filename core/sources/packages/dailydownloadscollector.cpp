#include "core/sources/packages/dailydownloadscollector.h"

#include "core/events/projectevent.h"
#include "core/sources/apistore.h"
#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/packages/versionevents.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace activity {

namespace {
struct DailyText {
    Q_DECLARE_TR_FUNCTIONS(DailyText)
};
constexpr int kNpmBackfillDays = 540; // npm answers at most 18 months per range
constexpr int kRefreshDays = 7; // recent days are asked again: their counts still grow
} // namespace

DailyDownloadsCollector::DailyDownloadsCollector(
    QString type, qint64 sourceId, QJsonObject settings, Services services, QObject* parent)
    : ApiCollector(sourceId, std::move(settings), services, parent)
    , m_type(std::move(type))
{ }

std::optional<QList<DailyDownloadsCollector::Day>> DailyDownloadsCollector::parseNpm(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue list = doc.object().value(QLatin1String("downloads"));
    if (!list.isArray())
        return std::nullopt;
    QList<Day> days;
    for (const QJsonValue& v : list.toArray()) {
        const QDate date = QDate::fromString(v.toObject().value(QLatin1String("day")).toString(), Qt::ISODate);
        const QJsonValue n = v.toObject().value(QLatin1String("downloads"));
        if (!date.isValid() || !n.isDouble())
            return std::nullopt;
        days.append({ date, n.toDouble() });
    }
    return days;
}

std::optional<QList<DailyDownloadsCollector::Day>> DailyDownloadsCollector::parsePypi(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue list = doc.object().value(QLatin1String("data"));
    if (!list.isArray())
        return std::nullopt;
    QList<Day> days;
    for (const QJsonValue& v : list.toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("category")).toString() != QLatin1String("without_mirrors"))
            continue;
        const QDate date = QDate::fromString(o.value(QLatin1String("date")).toString(), Qt::ISODate);
        const QJsonValue n = o.value(QLatin1String("downloads"));
        if (!date.isValid() || !n.isDouble())
            return std::nullopt;
        days.append({ date, n.toDouble() });
    }
    return days;
}

void DailyDownloadsCollector::startPoll()
{
    QString base = settings().value(QLatin1String("api-url")).toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString package = settings().value(QLatin1String("package")).toString();
    const bool npm = m_type == QLatin1String("npm");
    QUrl url;
    if (npm) {
        // The first poll asks for everything npm keeps; later ones for the last week (from the state).
        const QDate today = QDateTime::fromSecsSinceEpoch(m_clock.nowSecs(), QTimeZone::utc()).date();
        const QDate through
            = QDate::fromString(m_store.state(sourceId()).value(QLatin1String("through")).toString(), Qt::ISODate);
        const QDate from = through.isValid() ? qMax(through.addDays(-kRefreshDays), today.addDays(-kNpmBackfillDays))
                                             : today.addDays(-kNpmBackfillDays);
        url = QUrl(base
            + QStringLiteral("/downloads/range/%1:%2/").arg(from.toString(Qt::ISODate), today.toString(Qt::ISODate))
            + QString::fromLatin1(QUrl::toPercentEncoding(package, "@/")));
    } else {
        url = QUrl(base
            + QStringLiteral("/api/packages/%1/overall?mirrors=false")
                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(package.toLower()))));
    }
    // npm's URL names the days, so each day's is new: no point keeping its answer for a conditional request.
    fetch(url, "application/json", !npm, [this, url, npm](const Page& page) {
        const auto days = npm ? parseNpm(page.body) : parsePypi(page.body);
        if (!days) {
            fail(DailyText::tr("GET %1: unexpected answer").arg(describe(url)), page.response.status);
            return;
        }
        store(*days);
    });
    // The versions published, as events on the charts: each poll (the document is cached: a 304 costs nothing), so
    // the first back-fills them and later ones add the new.
    const QUrl versions = VersionEvents::url(m_type, base, package);
    fetch(versions, "application/json", true, [this, npm, package](const Page& page) {
        // A downloads API that is not the registry's neighbour (a mirror) may answer something else there: the
        // downloads still count, there are just no version events.
        const auto found = npm ? VersionEvents::parseNpm(page.body) : VersionEvents::parsePypi(page.body);
        if (!found)
            return;
        m_store.transaction([&] {
            for (const VersionEvents::Version& v : *found)
                m_store.recordEvent(sourceId(), v.version,
                    { 0, v.publishedAt, QString::fromLatin1(ProjectEvents::kPackageVersion), package,
                        QStringLiteral("%1 %2").arg(package, v.version),
                        VersionEvents::pageOf(m_type, package, v.version) });
        });
    });
}

void DailyDownloadsCollector::store(const QList<Day>& days)
{
    QJsonObject state = m_store.state(sourceId());
    m_store.transaction([&] {
        const qint64 series = m_store.seriesId(sourceId(), HttpJsonCollector::kProvider,
            HttpJsonCollector::seriesKey(sourceId(), {}), QStringLiteral("downloads"));
        QDate last;
        for (const Day& d : days) {
            m_store.recordPoint(series, d.date.startOfDay(QTimeZone::utc()).toSecsSinceEpoch(), d.downloads);
            last = qMax(last, d.date);
        }
        if (last.isValid()) {
            state.insert(QStringLiteral("through"), last.toString(Qt::ISODate));
            m_store.setState(sourceId(), state);
        }
    });
}

} // namespace activity
