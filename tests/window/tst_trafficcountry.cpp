// With a country filter (a click on the map) the Traffic page's paths are that country's: path rollups are not
// split by country, so they come from the raw rows with the other top lists.
#include "core/demo/demodata.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"
#include "ui/rowsmodel.h"
#include "ui/trafficpage.h"
#include "ui/viewstate.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25 07:30:15 UTC

// Path and requests of every row of the Paths table.
QList<std::pair<QString, qint64>> paths(const RowsModel* model)
{
    QList<std::pair<QString, qint64>> out;
    for (const QList<QVariant>& row : model->rows())
        out.append({ row.value(0).toString(), row.value(1).toLongLong() });
    return out;
}
} // namespace

class TestTrafficCountry : public QObject {
    Q_OBJECT
private slots:
    void pathsFollowTheCountry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        Database db(path);
        Migrations::migrate(db);
        DemoOptions options;
        options.nowSecs = kNow;
        options.days = 8;
        options.requestsPerDay = 400;
        DemoData::generate(db, options);

        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setPreset(RangePreset::Last7Days);
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        page.setEagerLoading(true);
        page.resize(1280, 760);
        page.show();
        QSignalSpy loaded(&page, &DashboardPage::loaded);
        QVERIFY(loaded.wait(10000));
        const auto everyCountry = paths(page.model(TrafficPage::Paths));
        QVERIFY(!everyCountry.isEmpty());

        state.setCountry(QStringLiteral("DE"));
        QVERIFY(loaded.wait(10000));
        const TimeRange range = state.range();
        Statement st = db.prepare("SELECT s.value, count(*) AS n FROM requests r JOIN strings s ON s.id = r.path_id "
                                  "WHERE r.id >= ? AND r.id < ? AND r.country = 'DE' GROUP BY s.value "
                                  "ORDER BY n DESC, s.value");
        st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs));
        QList<std::pair<QString, qint64>> germany;
        qint64 total = 0;
        while (st.step()) {
            germany.append({ QString::fromUtf8(st.blob(0)), st.int64(1) });
            total += st.int64(1);
        }
        QVERIFY(total > 0);
        QCOMPARE(paths(page.model(TrafficPage::Paths)), germany);
        QVERIFY(paths(page.model(TrafficPage::Paths)) != everyCountry);
        // The share is of Germany's requests.
        QCOMPARE(page.model(TrafficPage::Paths)->rows().value(0).value(2).toDouble(),
            100.0 * double(germany.value(0).second) / double(total));

        state.setCountry(QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(paths(page.model(TrafficPage::Paths)), everyCountry);
    }
};

QTEST_MAIN(TestTrafficCountry)
#include "tst_trafficcountry.moc"
