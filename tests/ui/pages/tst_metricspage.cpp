// The Metrics page: an http-json source's series over the range, picked per source; what is missing when none.
#include "core/query/queryrunner.h"
#include "core/sources/apistore.h"
#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/pages/metricspage.h"
#include "ui/viewstate.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/rowsmodel.h"

#include <QComboBox>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795564800 + 12 * 3600; // 2026-11-25 12:00 UTC

qint64 addSource(Database& db, const QString& name, const QString& url)
{
    ManualClock clock(kNow * 1000);
    SourceStore sources(db, clock);
    return sources.add(QStringLiteral("http-json"), name,
        QJsonObject { { QStringLiteral("url"), url }, { QStringLiteral("field"), QStringLiteral("a=/a") } });
}

void sample(Database& db, qint64 source, const QString& labels, const QString& metric, qint64 ts, double value)
{
    ApiStore store(db);
    store.recordSnapshot(
        store.seriesId(source, HttpJsonCollector::kProvider, HttpJsonCollector::seriesKey(source, labels), metric), ts,
        value);
}

void load(MetricsPage& page)
{
    QSignalSpy loaded(&page, &DashboardPage::loaded);
    page.reloadNow();
    QVERIFY(!page.isLoading() || loaded.wait(10000));
}

QString card(const DashboardPage& page)
{
    return page.emptyState() && page.emptyState()->isVisible() ? page.emptyState()->title() : QString();
}
} // namespace

class TestMetricsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsEachSourcesSeries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - 7 * 86400, kNow });
        QueryRunner runner(path, 0);
        {
            Database db(path);
            Migrations::migrate(db);
        }
        MetricsPage page(runner, state);
        page.setEagerLoading(true);
        page.resize(1280, 800);
        page.show();
        load(page);
        QCOMPARE(card(page), QStringLiteral("No JSON source is watched yet"));

        qint64 crates = 0;
        qint64 service = 0;
        {
            Database db(path);
            crates = addSource(
                db, QStringLiteral("crates serde"), QStringLiteral("https://crates.io/api/v1/crates/serde"));
            load(page);
            QCOMPARE(card(page), QStringLiteral("Waiting for the first poll"));
            service = addSource(db, QStringLiteral("my service"), QStringLiteral("https://status.example/stats"));
            // A sample before the range is the line's start; two inside it.
            sample(db, crates, {}, QStringLiteral("downloads"), kNow - 30 * 86400, 1000);
            sample(db, crates, {}, QStringLiteral("downloads"), kNow - 2 * 86400, 1500);
            sample(db, crates, {}, QStringLiteral("downloads"), kNow - 3600, 1700);
            sample(db, crates, QStringLiteral("num=1.0.0"), QStringLiteral("version_downloads"), kNow - 3600, 90);
            sample(db, service, {}, QStringLiteral("queue_length"), kNow - 3600, 12);
        }
        load(page);
        QCOMPARE(card(page), QString());
        QComboBox* picker = page.sourcePicker();
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->itemText(0), QStringLiteral("crates serde"));
        QCOMPARE(picker->itemText(1), QStringLiteral("my service"));
        QCOMPARE(picker->currentIndex(), 0);
        QCOMPARE(page.chart()->data().size(), 2);
        QCOMPARE(page.chart()->data().value(0).name, QStringLiteral("downloads"));
        QCOMPARE(page.chart()->data().value(0).points.size(), 3); // the range's start, then two samples
        QCOMPARE(page.chart()->data().value(1).name, QStringLiteral("version_downloads (num=1.0.0)"));
        const auto& rows = page.model()->rows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].value(1).toDouble(), 1700.0);
        QCOMPARE(rows[0].value(2).toString(), QStringLiteral("+700"));
        QCOMPARE(rows[1].value(2).toString(), QString()); // one sample: no change known
        // A total (never falls) is also drawn as its change per day: +500 two days ago, +200 today.
        QVERIFY(page.perDayChart()->isVisibleTo(&page));
        QCOMPARE(page.perDayChart()->data().size(), 1);
        QCOMPARE(page.perDayChart()->data().first().name, QStringLiteral("downloads"));
        QList<double> changes;
        for (const QPointF& p : page.perDayChart()->data().first().points)
            changes.append(p.y());
        QCOMPARE(changes, QList<double>({ 500, 200 }));

        // Picking the other source shows its series only.
        picker->setCurrentIndex(1);
        emit picker->activated(1);
        QTRY_COMPARE_WITH_TIMEOUT(page.chart()->data().size(), 1, 10000);
        QCOMPARE(page.chart()->data().first().name, QStringLiteral("queue_length"));
        QCOMPARE(picker->currentText(), QStringLiteral("my service"));
        QVERIFY(!page.perDayChart()->isVisibleTo(&page)); // a queue's length is not a total
    }
};

} // namespace activity

QTEST_MAIN(activity::TestMetricsPage)
#include "tst_metricspage.moc"
