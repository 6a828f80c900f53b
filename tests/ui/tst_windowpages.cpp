#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "ui/mainwindow.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace activity {

class TestWindowPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

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

QTEST_MAIN(activity::TestWindowPages)
#include "tst_windowpages.moc"
