#include "ui/overviewpage.h"

#include "core/query/apiquery.h"
#include "core/query/trafficquery.h"
#include "core/util/clock.h"
#include "ui/chartview.h"
#include "ui/format.h"
#include "ui/metrictile.h"
#include "ui/viewstate.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace {
struct CounterFigure {
    double now = 0;
    double atStart = 0;
    QList<double> spark;
};
struct OverviewData {
    CounterFigure stars;
    CounterFigure pulls;
    TrafficTotals today;
    TrafficTotals yesterdaySoFar;
    QList<TrafficBucket> daily;
    QString topCountry;
    qint64 topCountryRequests = 0;
    qint64 rangeRequests = 0;
    QList<TrafficBucket> buckets;
    QList<RepoSeries> starSeries;
};

// `series` is the metric's series over the range (read once: the stars chart shows them too).
CounterFigure counter(Database& db, const QString& provider, const QString& metric, const TimeRange& range,
    const QList<RepoSeries>& series)
{
    CounterFigure f;
    f.now = ApiQuery::totalAt(db, provider, metric, range.toSecs);
    f.atStart = ApiQuery::totalAt(db, provider, metric, range.fromSecs);
    QList<QList<Sample>> all;
    for (const RepoSeries& s : series)
        all.append(s.samples);
    QList<double> values;
    for (const Sample& s : SeriesMath::summed(all))
        values.append(s.value);
    f.spark = Format::thin(values, 60);
    return f;
}

QList<double> requestValues(const QList<TrafficBucket>& buckets, bool visitors)
{
    QList<double> out;
    for (const TrafficBucket& b : buckets)
        out.append(double(visitors ? b.visitors : b.requests));
    return out;
}

// Every display bucket of the range, with zeros where nothing was logged (lines must not bridge gaps).
QList<QPointF> filled(const QList<TrafficBucket>& buckets, const TimeRange& range, qint64 step, bool visitors)
{
    QList<QPointF> out;
    qsizetype i = 0;
    for (qint64 t = range.fromSecs - range.fromSecs % step; t < range.toSecs; t += step) {
        double v = 0;
        while (i < buckets.size() && buckets[i].start < t)
            ++i;
        if (i < buckets.size() && buckets[i].start == t)
            v = double(visitors ? buckets[i].visitors : buckets[i].requests);
        out.append(QPointF(double(t), v));
    }
    return out;
}
} // namespace

OverviewPage::OverviewPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* tiles = new QHBoxLayout;
    for (const QString& title :
        { tr("GitHub stars"), tr("Docker pulls"), tr("Requests today"), tr("Visitors today"), tr("Top country") }) {
        auto* tile = new MetricTile(title, this);
        m_tiles.append(tile);
        tiles->addWidget(tile);
    }
    layout->addLayout(tiles);
    auto* charts = new QHBoxLayout;
    m_traffic = new ChartView(this);
    m_traffic->setObjectName(QStringLiteral("overviewTraffic"));
    m_traffic->setTitle(tr("Requests and visitors"));
    m_stars = new ChartView(this);
    m_stars->setObjectName(QStringLiteral("overviewStars"));
    m_stars->setTitle(tr("GitHub stars by repository"));
    charts->addWidget(m_traffic, 1);
    charts->addWidget(m_stars, 1);
    layout->addLayout(charts, 1);
}

void OverviewPage::reload()
{
    const TimeRange range = state().range();
    const qint64 now = state().clock().nowSecs();
    const QString site = state().site();
    query<OverviewData>(
        m_tracker,
        [range, now, site](Database& db) {
            OverviewData d;
            d.starSeries = ApiQuery::series(db, QStringLiteral("github"), QStringLiteral("stars"), range);
            d.stars = counter(db, QStringLiteral("github"), QStringLiteral("stars"), range, d.starSeries);
            d.pulls = counter(db, QStringLiteral("dockerhub"), QStringLiteral("pulls"), range,
                ApiQuery::series(db, QStringLiteral("dockerhub"), QStringLiteral("pulls"), range));
            const qint64 today = now - now % 86400;
            d.today = TrafficQuery::totals(db, { { today, now + 1 }, site, {} });
            d.yesterdaySoFar = TrafficQuery::totals(db, { { today - 86400, now + 1 - 86400 }, site, {} });
            const TimeRange days { range.fromSecs - range.fromSecs % 86400, range.toSecs };
            d.daily = TrafficQuery::buckets(db, { days, site, {} }, 86400);
            const auto top = TrafficQuery::topRollup(db, { range, site, {} }, Rollup::Dim::Country, 2);
            for (const TopItem& item : top) {
                if (!item.key.isEmpty()) {
                    d.topCountry = QString::fromUtf8(item.key);
                    d.topCountryRequests = item.requests;
                    break;
                }
            }
            d.rangeRequests = TrafficQuery::totals(db, { range, site, {} }).requests;
            d.buckets = TrafficQuery::buckets(db, { range, site, {} }, Format::bucketFor(range));
            return d;
        },
        [this, range](OverviewData d) {
            m_tiles[0]->setFigures(Format::count(d.stars.now),
                tr("%1 over the range").arg(Format::signedCount(d.stars.now - d.stars.atStart)),
                d.stars.now > d.stars.atStart ? 1 : (d.stars.now < d.stars.atStart ? -1 : 0), d.stars.spark);
            m_tiles[1]->setFigures(Format::count(d.pulls.now),
                tr("%1 over the range").arg(Format::signedCount(d.pulls.now - d.pulls.atStart)),
                d.pulls.now > d.pulls.atStart ? 1 : 0, d.pulls.spark);
            const auto vsYesterday = [](qint64 yesterday, qint64 today) {
                const QString pct = Format::percentChange(double(yesterday), double(today));
                return pct.isEmpty() ? QString() : tr("%1 vs yesterday at this time").arg(pct);
            };
            m_tiles[2]->setFigures(Format::count(double(d.today.requests)),
                vsYesterday(d.yesterdaySoFar.requests, d.today.requests),
                d.today.requests > d.yesterdaySoFar.requests ? 1 : -1, requestValues(d.daily, false));
            m_tiles[3]->setFigures(Format::count(double(d.today.visitors)),
                vsYesterday(d.yesterdaySoFar.visitors, d.today.visitors),
                d.today.visitors > d.yesterdaySoFar.visitors ? 1 : -1, requestValues(d.daily, true));
            if (d.topCountry.isEmpty()) {
                m_tiles[4]->setFigures(QStringLiteral("–"), tr("no traffic in the range"), 0, {});
            } else {
                m_tiles[4]->setFigures(Format::country(d.topCountry),
                    tr("%1% of requests in the range")
                        .arg(QLocale().toString(
                            100.0 * double(d.topCountryRequests) / double(qMax<qint64>(1, d.rangeRequests)), 'f', 1)),
                    0, {});
            }
            const qint64 step = Format::bucketFor(range);
            m_traffic->setTimeSeries({ { tr("Requests"), filled(d.buckets, range, step, false) },
                                         { tr("Visitors"), filled(d.buckets, range, step, true) } },
                range, ChartView::Style::Lines, QStringLiteral("count"));
            QList<ChartSeries> stars;
            for (const RepoSeries& s : d.starSeries)
                stars.append({ s.repository, Format::points(SeriesMath::within(s.samples, range)) });
            m_stars->setTimeSeries(stars, range, ChartView::Style::Lines, QStringLiteral("stars"));
        });
}
