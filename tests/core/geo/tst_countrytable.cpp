#include "core/geo/countrytable.h"
#include "core/geo/topojson.h"

#include <QFile>
#include <QTest>

namespace activity {

class TestCountryTable : public QObject {
    Q_OBJECT
private slots:
    void numericToAlpha2_data()
    {
        QTest::addColumn<QString>("numeric");
        QTest::addColumn<QString>("alpha2");
        QTest::addRow("France") << "250"
                                << "FR";
        QTest::addRow("leading zeros") << "004"
                                       << "AF";
        QTest::addRow("United States") << "840"
                                       << "US";
        QTest::addRow("Taiwan") << "158"
                                << "TW";
        QTest::addRow("unknown") << "999"
                                 << "";
        QTest::addRow("not a number") << "abc"
                                      << "";
        QTest::addRow("empty") << ""
                               << "";
    }
    void numericToAlpha2()
    {
        QFETCH(QString, numeric);
        QFETCH(QString, alpha2);
        const CountryTable table = CountryTable::load(CountryTable::systemJsonPath());
        QCOMPARE(table.size(), 249);
        QCOMPARE(table.alpha2FromNumeric(numeric), alpha2);
    }
    void names_data()
    {
        QTest::addColumn<QString>("alpha2");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("french");
        QTest::addRow("common name preferred") << "BO"
                                               << "Bolivia"
                                               << "Bolivie";
        QTest::addRow("DE") << "DE"
                            << "Germany"
                            << "Allemagne";
        QTest::addRow("TW") << "TW"
                            << "Taiwan"
                            << "Taïwan";
        QTest::addRow("US") << "US"
                            << "United States"
                            << "États-Unis";
        QTest::addRow("Kosovo, used by GeoIP") << "XK"
                                               << "Kosovo"
                                               << "Kosovo";
        QTest::addRow("unknown code is shown as is") << "ZZ"
                                                     << "ZZ"
                                                     << "ZZ";
    }
    void names()
    {
        QFETCH(QString, alpha2);
        QFETCH(QString, english);
        QFETCH(QString, french);
        QCOMPARE(CountryTable::system(QLocale(QLocale::English)).name(alpha2), english);
        const CountryTable fr = CountryTable::system(QLocale(QLocale::French, QLocale::France));
        QCOMPARE(fr.name(alpha2), french);
        QCOMPARE(fr.englishName(alpha2), english);
    }
    void everyMapIdIsKnown()
    {
        QFile f(QStringLiteral(ACTIVITY_SOURCE_DIR "/resources/map/countries-50m.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const CountryTable table = CountryTable::system(QLocale(QLocale::English));
        int withId = 0;
        for (const GeoShape& s : TopoJson::decode(f.readAll(), "countries")) {
            if (s.id.isEmpty())
                continue;
            ++withId;
            QVERIFY2(!table.alpha2FromNumeric(s.id).isEmpty(), qPrintable(s.id + " " + s.name));
        }
        QCOMPARE(withId, 236);
    }
    void moParser_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("wrong magic") << QByteArray(64, 'x');
        QByteArray truncated;
        QFile f(CountryTable::systemMoPath(QLocale(QLocale::French)));
        if (f.open(QIODevice::ReadOnly))
            truncated = f.read(200);
        QTest::addRow("truncated") << truncated;
    }
    void moParser()
    {
        QFETCH(QByteArray, data);
        // Never reads outside the buffer; returns what fits (nothing here).
        QVERIFY(Gettext::parseMo(data).size() <= 1);
    }
    void moParserReadsTheCatalogue()
    {
        QFile f(CountryTable::systemMoPath(QLocale(QLocale::French)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto catalogue = Gettext::parseMo(f.readAll());
        QCOMPARE(catalogue.value("Germany"), QString("Allemagne"));
        QVERIFY(catalogue.size() > 400);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCountryTable)
#include "tst_countrytable.moc"
