#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/mainwindow.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
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
    // Each test starts from empty QSettings.
    void init() { QSettings().clear(); }

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

    // Pages installed, shown and remembered by the window.
    void pagesCanBeInstalled()
    {
        ManualClock clock(1795591815000);
        MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        QPointer<QWidget> placeholder = window.page(PageId::Map);
        QVERIFY(placeholder);
        auto* map = new QLabel(QStringLiteral("the map"));
        window.setPage(PageId::Map, map);
        QCOMPARE(window.page(PageId::Map), map);
        QTRY_VERIFY(placeholder.isNull());
        QSignalSpy pageChanged(&window, &MainWindow::currentPageChanged);
        window.showPage(PageId::Map);
        QCOMPARE(window.currentPage(), PageId::Map);
        QCOMPARE(pageChanged.count(), 1);
        QCOMPARE(pageChanged.first().first().value<PageId>(), PageId::Map);
        QCOMPARE(window.pageNames().at(int(PageId::Map)), QStringLiteral("World map"));
        QCOMPARE(MainWindow::pageFromKey(QStringLiteral("dockerhub")), std::optional<PageId>(PageId::DockerHub));
        QCOMPARE(MainWindow::pageFromKey(QStringLiteral("nope")), std::nullopt);
    }

    // A team's viewer login: the window says it may only read, and what would write says why it cannot.
    void aReadOnlyLoginOffersNoWrites()
    {
        ManualClock clock(1795591815000);
        MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        auto* page = new QWidget;
        auto* add = new QPushButton(QStringLiteral("Add…"), page);
        add->setProperty("writesStore", true);
        auto* other = new QPushButton(QStringLiteral("Refresh"), page);
        window.setPage(PageId::Sources, page);
        window.setNewPageEnabled(true);
        window.setReadOnly(QStringLiteral("a viewer's login"));
        QVERIFY(!add->isEnabled());
        QVERIFY2(add->toolTip().contains(QStringLiteral("a viewer's login")), qPrintable(add->toolTip()));
        QVERIFY(other->isEnabled());
        const auto* said = window.findChild<QLabel*>(QStringLiteral("readOnly"));
        QVERIFY(said);
        QCOMPARE(said->text(), QStringLiteral("Read only: a viewer's login"));
        window.setNewPageEnabled(true); // still refused while read-only
        window.show();
        const auto buttons = window.findChildren<QPushButton*>();
        for (const QPushButton* b : buttons)
            QVERIFY2(!(b->isVisible() && b->text().contains(QStringLiteral("New page"))), "New page is offered");
    }

    void aStoreAwayShowsAsABannerUntilItAnswers()
    {
        ManualClock clock(1795591815000);
        MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        window.show();
        const auto* banner = window.findChild<QLabel*>(QStringLiteral("storeProblem"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        window.setStoreProblem(QStringLiteral("connection refused"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("cannot be reached")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("connection refused")));
        window.setStoreProblem({});
        QVERIFY(!banner->isVisible());
        QCOMPARE(window.storeProblem(), QString());
    }

    void rangePickerDrivesTheState()
    {
        ManualClock clock(1795591815000); // 2026-11-25
        MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        auto* box = window.findChild<QComboBox*>(QStringLiteral("rangeBox"));
        QVERIFY(box);
        const QStringList expected
            = { "Last 24 hours", "Last 7 days", "Last 30 days", "Last 90 days", "Last year", "Custom" };
        QStringList labels;
        for (int i = 0; i < box->count(); ++i)
            labels << box->itemText(i);
        QCOMPARE(labels, expected);
        QCOMPARE(box->currentText(), QStringLiteral("Last 30 days"));
        QSignalSpy changed(window.viewState(), &ViewState::rangeChanged);
        box->setCurrentIndex(1);
        emit box->activated(1);
        QCOMPARE(window.viewState()->preset(), RangePreset::Last7Days);
        QCOMPARE(changed.count(), 1);
        // Custom starts from the range shown, then follows the date fields (the last day is included).
        box->setCurrentIndex(5);
        emit box->activated(5);
        QCOMPARE(window.viewState()->preset(), RangePreset::Custom);
        auto* from = window.findChild<QDateEdit*>(QStringLiteral("fromEdit"));
        auto* to = window.findChild<QDateEdit*>(QStringLiteral("toEdit"));
        QCOMPARE(from->date(), QDate(2026, 11, 18));
        from->setDate(QDate(2026, 11, 1));
        to->setDate(QDate(2026, 11, 10));
        const TimeRange range = window.viewState()->range();
        QCOMPARE(QDateTime::fromSecsSinceEpoch(range.fromSecs, Qt::UTC).toString(Qt::ISODate),
            QStringLiteral("2026-11-01T00:00:00Z"));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(range.toSecs, Qt::UTC).toString(Qt::ISODate),
            QStringLiteral("2026-11-11T00:00:00Z"));
    }

    void siteFilter()
    {
        ManualClock clock(1795591815000);
        MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        window.setSites({ QStringLiteral("docs"), QStringLiteral("www") });
        auto* box = window.findChild<QComboBox*>(QStringLiteral("siteBox"));
        QCOMPARE(box->count(), 3);
        QCOMPARE(box->itemText(0), QStringLiteral("All sites"));
        box->setCurrentIndex(2);
        emit box->activated(2);
        QCOMPARE(window.viewState()->site(), QStringLiteral("www"));
    }

    void sizePageAndRangeAreRemembered()
    {
        ManualClock clock(1795591815000);
        {
            MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 700);
            window.showPage(PageId::Traffic);
            window.viewState()->setPreset(RangePreset::Last90Days);
            window.viewState()->setSite(QStringLiteral("docs"));
            window.close();
        }
        MainWindow again(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        QCOMPARE(again.size(), QSize(1000, 700));
        QCOMPARE(again.currentPage(), PageId::Traffic);
        QCOMPARE(again.viewState()->preset(), RangePreset::Last90Days);
        QCOMPARE(again.viewState()->site(), QStringLiteral("docs"));
    }

    void customRangeIsRemembered()
    {
        ManualClock clock(1795591815000);
        {
            MainWindow window(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
            window.viewState()->setCustomRange({ 1793491200, 1794355200 });
        }
        MainWindow again(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        QCOMPARE(again.viewState()->preset(), RangePreset::Custom);
        QCOMPARE(again.viewState()->range(), (TimeRange { 1793491200, 1794355200 }));
    }

private:
    QTemporaryDir m_dir;
};

} // namespace activity

QTEST_MAIN(activity::TestMainWindow)
#include "tst_mainwindow.moc"
