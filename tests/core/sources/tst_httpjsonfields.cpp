// JSON Pointer (RFC 6901, with its own examples) and what an http-json source reads through it.
#include "core/sources/httpjson/httpjsonfields.h"
#include "core/sources/httpjson/jsonpointer.h"

#include <QJsonDocument>
#include <QTest>

namespace activity {

namespace {
// RFC 6901 section 5's document.
const QByteArray kRfcDocument = "{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, \"c%d\": 2, \"e^f\": 3, "
                                "\"g|h\": 4, \"i\\\\j\": 5, \"k\\\"l\": 6, \" \": 7, \"m~n\": 8}";

QJsonValue at(const QByteArray& json, const QString& pointer)
{
    const auto p = JsonPointer::parse(pointer);
    if (!p)
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const auto matches = p->resolve(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    return matches.isEmpty() ? QJsonValue(QJsonValue::Undefined) : matches.first().value;
}

QList<HttpJsonFields::Field> fields(const QStringList& specs)
{
    QList<HttpJsonFields::Field> out;
    for (const QString& s : specs)
        out.append(*HttpJsonFields::parse(s));
    return out;
}

QStringList shown(const HttpJsonFields::Extracted& e)
{
    QStringList out;
    for (const HttpJsonFields::Value& v : e.values)
        out.append(QStringLiteral("%1[%2]=%3").arg(v.metric, v.label).arg(v.value, 0, 'g', 17));
    return out;
}
} // namespace

class TestHttpJsonFields : public QObject {
    Q_OBJECT
private slots:
    void rfc6901Examples_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); // compact JSON of the value
        QTest::newRow("whole") << QString() << QString();
        QTest::newRow("/foo") << "/foo"
                              << R"(["bar","baz"])";
        QTest::newRow("/foo/0") << "/foo/0"
                                << R"("bar")";
        QTest::newRow("/") << "/"
                           << "0";
        QTest::newRow("/a~1b") << "/a~1b"
                               << "1";
        QTest::newRow("/c%d") << "/c%d"
                              << "2";
        QTest::newRow("/e^f") << "/e^f"
                              << "3";
        QTest::newRow("/g|h") << "/g|h"
                              << "4";
        QTest::newRow("/i\\j") << "/i\\j"
                               << "5";
        QTest::newRow("/k\"l") << "/k\"l"
                               << "6";
        QTest::newRow("/ ") << "/ "
                            << "7";
        QTest::newRow("/m~0n") << "/m~0n"
                               << "8";
    }
    void rfc6901Examples()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        const QJsonValue v = at(kRfcDocument, pointer);
        QVERIFY(!v.isUndefined());
        if (pointer.isEmpty()) {
            QVERIFY(v.isObject());
            QCOMPARE(v.toObject().size(), 10);
            return;
        }
        const QString got = v.isArray() ? QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
            : v.isString()              ? QLatin1Char('"') + v.toString() + QLatin1Char('"')
                                        : QString::number(v.toDouble());
        QCOMPARE(got, expected);
    }

    void badPointersAreNamed()
    {
        QString error;
        QVERIFY(!JsonPointer::parse(QStringLiteral("foo"), &error));
        QVERIFY(error.contains(QStringLiteral("'foo'")));
        QVERIFY(!JsonPointer::parse(QStringLiteral("/a~2b"), &error));
        QVERIFY(error.contains(QStringLiteral("'/a~2b'")));
        // Array indexes: no leading zeros, no "-", nothing past the end.
        QVERIFY(at(kRfcDocument, QStringLiteral("/foo/01")).isUndefined());
        QVERIFY(at(kRfcDocument, QStringLiteral("/foo/-")).isUndefined());
        QVERIFY(at(kRfcDocument, QStringLiteral("/foo/2")).isUndefined());
        QVERIFY(at(kRfcDocument, QStringLiteral("/nothing")).isUndefined());
    }

    void numbersNumericStringsAndBooleansAreValues()
    {
        const QByteArray body = R"({"stars": 1234, "ratio": "0.75", "ok": true, "off": false, "big": 12632695})";
        const auto e = HttpJsonFields::extract(
            body, fields({ "stars=/stars", "ratio=/ratio", "ok=/ok", "off=/off", "big=/big" }), std::nullopt);
        QCOMPARE(e.errors, QStringList());
        QCOMPARE(shown(e), QStringList({ "stars[]=1234", "ratio[]=0.75", "ok[]=1", "off[]=0", "big[]=12632695" }));
    }

    void anythingElseIsAnErrorNamingThePointer()
    {
        const QByteArray body = R"({"name": "rocket", "obj": {"a": 1}, "n": null, "good": 3})";
        const auto e = HttpJsonFields::extract(
            body, fields({ "name=/name", "obj=/obj", "n=/n", "gone=/missing", "good=/good" }), std::nullopt);
        QCOMPARE(shown(e), QStringList({ "good[]=3" }));
        QCOMPARE(e.errors,
            QStringList(
                { R"(field name: /name gives "rocket", not a number)", R"(field obj: /obj gives {"a":1}, not a number)",
                    "field n: /n gives null, not a number", "field gone: /missing is not in the answer" }));
        const auto notJson = HttpJsonFields::extract("<html>", fields({ "a=/a" }), std::nullopt);
        QCOMPARE(notJson.values.size(), 0);
        QCOMPARE(notJson.errors.size(), 1);
        QVERIFY(notJson.errors.first().startsWith(QStringLiteral("the answer is not JSON")));
    }

    // One series per item: crates.io's versions, labelled by their number from the same item.
    void wildcardGivesOneSeriesPerItem()
    {
        const QByteArray body = R"({"versions": [{"num": "1.2.0", "downloads": 50},
            {"num": "1.1.0", "downloads": 900}, {"num": "1.0.0", "downloads": "12"}]})";
        const auto label = JsonPointer::parse(QStringLiteral("/versions/*/num"));
        QCOMPARE(label->lastName(), QStringLiteral("num"));
        const auto e = HttpJsonFields::extract(body, fields({ "downloads=/versions/*/downloads" }), label);
        QCOMPARE(e.errors, QStringList());
        QCOMPARE(shown(e), QStringList({ "downloads[1.2.0]=50", "downloads[1.1.0]=900", "downloads[1.0.0]=12" }));
        // Without a label pointer, the item's index (or member name) labels it.
        const auto byIndex = HttpJsonFields::extract(body, fields({ "downloads=/versions/*/downloads" }), {});
        QCOMPARE(shown(byIndex), QStringList({ "downloads[0]=50", "downloads[1]=900", "downloads[2]=12" }));
        const auto byMember = HttpJsonFields::extract(
            R"({"installs": {"30d": 10, "90d": 31}})", fields({ "installs=/installs/*" }), std::nullopt);
        QCOMPARE(shown(byMember), QStringList({ "installs[30d]=10", "installs[90d]=31" }));
    }

    void fieldSpecsAreChecked()
    {
        QString error;
        QVERIFY(!HttpJsonFields::parse(QStringLiteral("stars"), &error));
        QVERIFY(error.contains(QStringLiteral("NAME=POINTER")));
        QVERIFY(!HttpJsonFields::parse(QStringLiteral("st ars=/a"), &error));
        QVERIFY(!HttpJsonFields::parse(QStringLiteral("stars=a"), &error));
        QVERIFY(error.contains(QStringLiteral("JSON Pointer")));
        const auto f = HttpJsonFields::parse(QStringLiteral("open_issues=/open_issues_count"));
        QVERIFY(f);
        QCOMPARE(f->name, QStringLiteral("open_issues"));
        QCOMPARE(f->pointer.text(), QStringLiteral("/open_issues_count"));
    }
};

} // namespace activity

QTEST_APPLESS_MAIN(activity::TestHttpJsonFields)
#include "tst_httpjsonfields.moc"
