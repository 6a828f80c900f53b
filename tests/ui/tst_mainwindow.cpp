#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

namespace activity {

namespace {
// A rendered widget that is all one colour is blank.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    // The window remembers its size and page in QSettings: keep the user's own out of tests.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensWithEveryPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("activity.sqlite"));
        {
            Database db(path);
            Migrations::migrate(db);
        }
        MainWindow window(path);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Activity Dashboard"));
        const QStringList pages = window.pageNames();
        for (const char* page : { "Overview", "GitHub", "Docker Hub", "Traffic", "World map", "Sources", "Health" })
            QVERIFY2(pages.contains(QString::fromLatin1(page)), page);
        const QImage shot = window.grab().toImage();
        QVERIFY(distinctColours(shot) > 3);
        if (!qEnvironmentVariableIsEmpty("ACTIVITY_SCREENSHOTS"))
            shot.save(qEnvironmentVariable("ACTIVITY_SCREENSHOTS") + QStringLiteral("/mainwindow.png"));
    }

    void aboutListsTheDataLicences()
    {
        AboutDialog dialog;
        const auto* text = dialog.findChild<QTextBrowser*>(QStringLiteral("licences"));
        QVERIFY(text);
        const QString plain = text->toPlainText();
        QVERIFY(plain.contains(QStringLiteral("IP Geolocation by DB-IP")));
        QVERIFY(plain.contains(QStringLiteral("CC BY 4.0")));
        QVERIFY(plain.contains(QStringLiteral("Natural Earth")));
        // The application icon ships as a resource and renders.
        const QIcon icon(QStringLiteral(":/icons/activity-dashboard.svg"));
        QVERIFY(!icon.isNull());
        QVERIFY(distinctColours(icon.pixmap(64, 64).toImage()) > 3);
    }

    void frenchTranslationLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/activity_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(MainWindow::tr("Overview"), QStringLiteral("Vue d'ensemble"));
        QCoreApplication::removeTranslator(&translator);
    }
};

} // namespace activity

QTEST_MAIN(activity::TestMainWindow)
#include "tst_mainwindow.moc"
