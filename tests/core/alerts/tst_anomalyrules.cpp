// Anomaly rules over generated seasonal traffic (busy weekday afternoons, quiet nights and weekends, some noise), on
// a SQLite file and on a real PostgreSQL: a spike fires, an outage fires, a quiet Monday morning does not, and with
// fewer than two weeks of history nothing fires.
#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertstore.h"
#include "core/alerts/anomalyband.h"
#include "core/demo/demotraffic.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/storage/postgres/pgconnection.h"
#include "tests/support/postgresserver.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace activity {

namespace {
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;
constexpr qint64 kStart = 1793577600; // Monday 2026-11-02 00:00 UTC
constexpr qint64 kEnd = kStart + 30 * kDay + 12 * kHour; // Wednesday 2026-12-02 12:00 UTC
constexpr qint64 kSpikeHour = kStart + 29 * kDay + 14 * kHour; // Tuesday 2026-12-01 14:00-15:00: 150 more
constexpr qint64 kOutageHour = kStart + 30 * kDay + 11 * kHour; // Wednesday 2026-12-02 11:00-12:00: nothing

// The usual requests of the hour starting at `hour`: 30 on weekday working hours, 4 at night, 10 at weekends.
int usual(qint64 hour)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(hour, QTimeZone::utc());
    if (t.date().dayOfWeek() >= 6)
        return 10;
    return t.time().hour() >= 8 && t.time().hour() < 19 ? 30 : 4;
}

DemoRequest request(qint64 ts)
{
    DemoRequest r;
    r.ts = ts;
    r.site = "www";
    r.addr = QByteArray("\x51\x02\x45\x01", 4);
    r.country = "FR";
    r.method = "GET";
    r.path = "/";
    r.status = 200;
    r.bytes = 100;
    r.agent = "Firefox/132.0";
    r.referrer = "-";
    return r;
}

// Every hour from `from` to kEnd: the usual count give or take a fifth (the same noise on both engines), the spike
// and the outage.
void generate(Database& db, qint64 from)
{
    QRandomGenerator noise(29);
    Transaction tx(db);
    DemoTrafficWriter w(db);
    for (qint64 hour = from; hour < kEnd; hour += kHour) {
        const int base = usual(hour);
        int n = base + int(noise.bounded(2 * (base / 5) + 1)) - base / 5;
        if (hour == kSpikeHour)
            n += 150;
        if (hour == kOutageHour)
            n = 0;
        for (int i = 0; i < n; ++i)
            w.add(request(hour + i * kHour / n));
    }
    w.finish();
    tx.commit();
}

AlertRule anomalyRule(AnomalyBand::Sensitivity sensitivity = AnomalyBand::Sensitivity::Medium)
{
    AlertRule r;
    r.name = QStringLiteral("requests unusual");
    r.series = QStringLiteral("traffic.requests");
    r.kind = AlertRule::Kind::Anomaly;
    r.threshold = AnomalyBand::multiplier(sensitivity);
    r.window = kHour;
    r.forSecs = 0;
    r.createdAt = kStart;
    return r;
}
} // namespace

class TestAnomalyRules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<PostgresServer>();
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    }

    // The band itself, from numbers worked out by hand.
    void bandIsMedianAndDeviation()
    {
        // 20, 22, 19, 40: median 21, deviations 1, 1, 2, 19 -> MAD 1.5, x1.4826 = 2.22; the Poisson floor sqrt(21) =
        // 4.58 is wider, so medium (4) reaches 21 +- 18.33. The past spike (40) did not widen it.
        const auto band = AnomalyBand::of({ 20, 22, 19, 40 }, AnomalyBand::Sensitivity::Medium, true);
        QVERIFY(band);
        QCOMPARE(band->median, 21.0);
        QVERIFY(qAbs(band->spread - std::sqrt(21.0)) < 1e-9);
        QVERIFY(band->holds(39) && !band->holds(40) && band->holds(3) && !band->holds(2.6));
        // Spread from the deviations when they are wider than the floor: 100, 140, 60, 100 -> MAD 20 -> 29.65.
        const auto wide = AnomalyBand::of({ 100, 140, 60, 100 }, AnomalyBand::Sensitivity::High, true);
        QVERIFY(qAbs(wide->spread - 1.4826 * 20) < 1e-9);
        QVERIFY(qAbs(wide->high - (100 + 3 * 1.4826 * 20)) < 1e-9);
        QVERIFY(!AnomalyBand::of({ 20 }, AnomalyBand::Sensitivity::High, true)); // one week: not known
        QCOMPARE(AnomalyBand::sensitivityOf(AnomalyBand::multiplier(AnomalyBand::Sensitivity::Low)),
            AnomalyBand::Sensitivity::Low);
        QCOMPARE(AnomalyBand::sensitivityFromKey(QStringLiteral("HIGH")), AnomalyBand::Sensitivity::High);
        QVERIFY(!AnomalyBand::sensitivityFromKey(QStringLiteral("extreme")));
    }

    void seasonalTraffic_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    void seasonalTraffic()
    {
        QFETCH(QString, engine);
        const std::unique_ptr<Database> db = open(engine, QStringLiteral("seasonal"));
        Migrations::migrate(*db);
        generate(*db, kStart);
        const AlertRule rule = anomalyRule();

        // A quiet Monday morning (06:00-07:00, 4 requests as every Monday): far below the afternoons, but usual.
        const qint64 mondayMorning = kStart + 28 * kDay + 7 * kHour;
        const AlertCheck quiet = AlertEvaluator::check(*db, rule, mondayMorning);
        QVERIFY2(quiet.error.isEmpty(), qPrintable(quiet.error));
        QCOMPARE(quiet.value, std::optional<double>(4));
        QVERIFY2(!quiet.matches, qPrintable(quiet.text));
        QVERIFY2(quiet.text.contains(QStringLiteral("over 4 weeks")), qPrintable(quiet.text));
        // A busy Tuesday at 11:00 without anything unusual: not either.
        const AlertCheck busy = AlertEvaluator::check(*db, rule, kStart + 29 * kDay + 11 * kHour);
        QVERIFY2(!busy.matches, qPrintable(busy.text));
        QVERIFY(*busy.value >= 24 && *busy.value <= 36);

        // The spike: 150 more than a Tuesday afternoon's 24-36.
        const AlertCheck spike = AlertEvaluator::check(*db, rule, kSpikeHour + kHour);
        QVERIFY(*spike.value >= 174);
        QVERIFY2(spike.matches, qPrintable(spike.text));
        QVERIFY2(spike.text.contains(QStringLiteral("above its usual band")), qPrintable(spike.text));
        // Nobody on a Wednesday late morning (a site down): below the band.
        const AlertCheck outage = AlertEvaluator::check(*db, rule, kOutageHour + kHour);
        QCOMPARE(outage.value, std::optional<double>(0));
        QVERIFY2(outage.matches, qPrintable(outage.text));
        QVERIFY2(outage.text.contains(QStringLiteral("below its usual band")), qPrintable(outage.text));

        // Through the evaluator, as a running collect does: fires at the spike, resolves the hour after.
        DbWriter writer(*db);
        writer.run([&](Database& d) { AlertStore(d).add(rule); });
        QVERIFY(AlertEvaluator::evaluate(writer, kSpikeHour, 60).isEmpty());
        const QList<AlertNotice> fired = AlertEvaluator::evaluate(writer, kSpikeHour + kHour, 60);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired.first().event.event, QStringLiteral("firing"));
        const QList<AlertNotice> resolved = AlertEvaluator::evaluate(writer, kSpikeHour + 2 * kHour, 60);
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(resolved.first().event.event, QStringLiteral("resolved"));
    }

    // Ten days of data: the same spike, with one earlier week at that hour, never fires.
    void fewerThanTwoWeeksNeverFires()
    {
        const std::unique_ptr<Database> db = open(QStringLiteral("sqlite"), QStringLiteral("short"));
        Migrations::migrate(*db);
        generate(*db, kEnd - 10 * kDay);
        for (const auto sensitivity :
            { AnomalyBand::Sensitivity::Low, AnomalyBand::Sensitivity::Medium, AnomalyBand::Sensitivity::High }) {
            const AlertCheck spike = AlertEvaluator::check(*db, anomalyRule(sensitivity), kSpikeHour + kHour);
            QVERIFY(*spike.value >= 174);
            QVERIFY2(!spike.matches, qPrintable(spike.text));
            QVERIFY2(spike.text.contains(QStringLiteral("needs 2 weeks of data at this hour, 1 so far")),
                qPrintable(spike.text));
        }
    }

private:
    std::unique_ptr<Database> open(const QString& engine, const QString& name)
    {
        if (engine == QLatin1String("sqlite"))
            return std::make_unique<Database>(m_dir.filePath(name + QStringLiteral(".sqlite")));
        Database admin(std::make_unique<PgConnection>(m_server->url()));
        admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name).toUtf8().constData());
        return std::make_unique<Database>(std::make_unique<PgConnection>(m_server->url(name)));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestAnomalyRules)
#include "tst_anomalyrules.moc"
