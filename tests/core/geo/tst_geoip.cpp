#include "core/geo/geoip.h"
#include "core/logs/logformat.h"
#include "core/storage/database.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const QString kCountryDb = QStringLiteral(ACTIVITY_SOURCE_DIR "/resources/geoip/dbip-country.mmdb");

struct Addr {
    unsigned char bytes[16] {};
    int len = 0;
};
Addr addr(const char* text)
{
    Addr a;
    a.len = LogParse::parseAddress(text, a.bytes);
    return a;
}

QByteArray runProgram(const QStringList& args, int* status)
{
    QProcess p;
    p.start(QStringLiteral(ACTIVITY_BIN), args);
    p.waitForFinished(30000);
    *status = p.exitCode();
    return p.readAllStandardOutput() + p.readAllStandardError();
}
} // namespace

class TestGeoIp : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void shippedCountryDatabase_data();
    void shippedCountryDatabase();
    void citySchemaDatabase();
    void cityDatabaseFromSettings();
    void missingDatabaseIsNotFatal();
    void geoipCommand();

private:
    QTemporaryDir m_dir;
    QString m_cityDb;
};

void TestGeoIp::initTestCase()
{
    // A GeoIP2-City-schema database written here with Debian's libmaxmind-db-writer-perl.
    m_cityDb = m_dir.filePath("city.mmdb");
    QProcess perl;
    perl.start("perl", { ACTIVITY_TEST_DATA "/logs/write_city_mmdb.pl", m_cityDb });
    QVERIFY(perl.waitForFinished(30000));
    QVERIFY2(perl.exitCode() == 0, perl.readAllStandardError().constData());
}

void TestGeoIp::shippedCountryDatabase_data()
{
    QTest::addColumn<QByteArray>("address");
    QTest::addColumn<QByteArray>("country");
    QTest::addRow("GB v4") << QByteArray("81.2.69.142") << QByteArray("GB");
    QTest::addRow("US v4") << QByteArray("8.8.8.8") << QByteArray("US");
    QTest::addRow("FR v4") << QByteArray("193.51.224.1") << QByteArray("FR");
    QTest::addRow("DE v6") << QByteArray("2a00:1450:4001:81c::200e") << QByteArray("DE");
    QTest::addRow("mapped v4") << QByteArray("::ffff:81.2.69.142") << QByteArray("GB");
    QTest::addRow("documentation v4 unknown") << QByteArray("203.0.113.9") << QByteArray();
    QTest::addRow("loopback unknown") << QByteArray("127.0.0.1") << QByteArray();
    QTest::addRow("documentation v6 unknown") << QByteArray("2001:db8::1") << QByteArray();
}

void TestGeoIp::shippedCountryDatabase()
{
    QFETCH(QByteArray, address);
    QFETCH(QByteArray, country);
    GeoIp geo(kCountryDb, QString());
    QVERIFY(geo.errors().isEmpty());
    const Addr a = addr(address.constData());
    QCOMPARE(geo.lookup(a.bytes, a.len).country, country);
    QCOMPARE(geo.lookup(a.bytes, a.len).country, country); // from the cache
    QCOMPARE(geo.lookup(a.bytes, a.len).city, QString());
    QCOMPARE(geo.lookup(a.bytes, a.len).hasLocation, false);
}

void TestGeoIp::citySchemaDatabase()
{
    GeoIp geo(kCountryDb, m_cityDb);
    QVERIFY(geo.errors().isEmpty());
    QVERIFY(geo.hasCityDatabase());
    Addr a = addr("198.51.100.7");
    const GeoInfo nz = geo.lookup(a.bytes, a.len);
    QCOMPARE(nz.country, QByteArray("NZ"));
    QCOMPARE(nz.city, QString("Wellington"));
    QVERIFY(nz.hasLocation);
    QCOMPARE(nz.latitude, -41.2865);
    QCOMPARE(nz.longitude, 174.7762);
    a = addr("2001:db8::42");
    QCOMPARE(geo.lookup(a.bytes, a.len).city, QString("Lyon"));
    // Not in the City database: the country database still answers.
    a = addr("81.2.69.142");
    QCOMPARE(geo.lookup(a.bytes, a.len).country, QByteArray("GB"));
    QCOMPARE(geo.lookup(a.bytes, a.len).city, QString());
}

void TestGeoIp::cityDatabaseFromSettings()
{
    QTemporaryDir dir;
    int status = 0;
    const QString data = dir.filePath("data");
    runProgram({ "stats", "--data-dir", data }, &status);
    QCOMPARE(status, 0);
    {
        Database db(data + "/activity.sqlite");
        Statement st = db.prepare("INSERT INTO settings(key, value) VALUES('geoip.city_db', ?)");
        st.bind(1, m_cityDb).exec();
        QCOMPARE(GeoIp::cityDatabaseFor(db), m_cityDb);
    }
    const QByteArray out = runProgram({ "geoip", "--data-dir", data, "198.51.100.7", "81.2.69.142" }, &status);
    QCOMPARE(status, 0);
    QCOMPARE(out,
        QByteArray("198.51.100.7\tNZ\tNew Zealand\tWellington\t-41.2865\t174.7762\n81.2.69.142\tGB\tUnited Kingdom\n"));
}

void TestGeoIp::missingDatabaseIsNotFatal()
{
    GeoIp geo(m_dir.filePath("nope.mmdb"), QString());
    QCOMPARE(geo.errors().size(), 1);
    QVERIFY(geo.errors().first().contains("nope.mmdb"));
    const Addr a = addr("81.2.69.142");
    QCOMPARE(geo.lookup(a.bytes, a.len).country, QByteArray());
}

void TestGeoIp::geoipCommand()
{
    QTemporaryDir dir;
    int status = 0;
    QByteArray out = runProgram(
        { "geoip", "--data-dir", dir.path(), "81.2.69.142", "2a00:1450:4001:81c::200e", "203.0.113.9" }, &status);
    QCOMPARE(status, 0);
    QCOMPARE(out,
        QByteArray("81.2.69.142\tGB\tUnited Kingdom\n2a00:1450:4001:81c::200e\tDE\tGermany\n203.0.113.9\tunknown\n"));
    out = runProgram({ "geoip", "--data-dir", dir.path(), "--db", m_cityDb, "2001:db8::1", "8.8.8.8" }, &status);
    QCOMPARE(status, 0);
    QCOMPARE(out, QByteArray("2001:db8::1\tFR\tFrance\tLyon\t45.7640\t4.8357\n8.8.8.8\tunknown\n"));
    out = runProgram({ "geoip", "--data-dir", dir.path(), "81.2.69.142", "not-an-ip" }, &status);
    QCOMPARE(status, 2);
    QVERIFY2(out.contains("'not-an-ip' is not an IP address"), out.constData());
    out = runProgram({ "geoip", "--data-dir", dir.path(), "--db", dir.filePath("missing.mmdb"), "8.8.8.8" }, &status);
    QCOMPARE(status, 2);
    QVERIFY2(out.contains("missing.mmdb"), out.constData());
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestGeoIp)
#include "tst_geoip.moc"
