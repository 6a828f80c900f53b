#include "app/reportparts.h"
#include "core/demo/demodata.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}
} // namespace

class TestReportPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("data")));
        m_path = m_dir.filePath(QStringLiteral("data/activity.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
        DemoOptions options;
        options.nowSecs = QDateTime::currentSecsSinceEpoch();
        options.days = 35;
        options.requestsPerDay = 400;
        DemoData::generate(db, options);
    }

    void rendersEveryPage()
    {
        const QString out = m_dir.filePath(QStringLiteral("out"));
        QDir().mkpath(out);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(writePageImages(m_path, { now - 30 * 86400, now }, QSize(1000, 640), out), QString());
        for (const char* name : { "overview.png", "traffic.png", "map.png", "github.png", "dockerhub.png" }) {
            const QImage image(QDir(out).filePath(QString::fromLatin1(name)));
            QCOMPARE(image.size(), QSize(1000, 640));
            QVERIFY2(distinctColours(image) > 30, name);
        }
    }

    void reportCommandWritesThePngs()
    {
        const QString out = m_dir.filePath(QStringLiteral("cli"));
        QProcess p;
        p.start(QStringLiteral(ACTIVITY_BIN),
            { QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("report"),
                QStringLiteral("--out"), out, QStringLiteral("--size"), QStringLiteral("800x500") });
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QImage image(QDir(out).filePath(QStringLiteral("traffic.png")));
        QCOMPARE(image.size(), QSize(800, 500));
        QVERIFY(distinctColours(image) > 30);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestReportPages)
#include "tst_reportpages.moc"
