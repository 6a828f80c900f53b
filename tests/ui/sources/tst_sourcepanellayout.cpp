// The Sources table at 800 px: names are shown whole (the last error column takes what is left), and a
// name too long for half the table is elided in the middle with the whole name as tooltip.
#include "core/util/clock.h"
#include "tests/support/panelharness.h"
#include "ui/sources/sourcepanel.h"
#include "ui/sources/sourcetablemodel.h"

#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestSourcePanelLayout : public QObject {
    Q_OBJECT
private slots:
    void namesAreNotCutAt800Pixels()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        SourcePanel& panel = h.panel;
        panel.resize(800, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString repo = QStringLiteral("acme-corporation-platform/observability-dashboard-service");
        QCOMPARE(h.apply([&] { return panel.addSource("github", { { "repo", repo } }); }), QString());
        QCOMPARE(h.apply([&] {
            return panel.addSource("logfile", { { "path", "/var/log/nginx/downloads.example.org.access.log" } });
        }),
            QString());
        QTableView* view = panel.view();
        const int needed = static_cast<QAbstractItemView*>(view)->sizeHintForColumn(SourceTableModel::Name);
        QVERIFY2(view->columnWidth(SourceTableModel::Name) >= needed,
            qPrintable(QStringLiteral("%1 < %2").arg(view->columnWidth(SourceTableModel::Name)).arg(needed)));
        // The last error column is still on screen, right of the others.
        const int errorX = view->columnViewportPosition(SourceTableModel::LastError);
        QVERIFY(errorX > 0);
        QVERIFY(errorX + 40 < view->viewport()->width());
        QCOMPARE(panel.model()->index(0, SourceTableModel::Name).data(Qt::ToolTipRole).toString(), repo);
    }

    void aVeryLongNameIsCappedAndElided()
    {
        QTemporaryDir dir;
        ManualClock clock;
        PanelHarness h(dir.filePath("a.sqlite"), clock);
        SourcePanel& panel = h.panel;
        panel.resize(800, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString path = QStringLiteral("/srv/www/") + QString(200, QLatin1Char('x')) + QStringLiteral("/<b>a.log");
        QCOMPARE(h.apply([&] { return panel.addSource("logfile", { { "path", path } }); }), QString());
        QTableView* view = panel.view();
        QCOMPARE(view->columnWidth(SourceTableModel::Name), std::max(240, view->viewport()->width() / 2));
        QCOMPARE(view->textElideMode(), Qt::ElideMiddle);
        // Tooltips read rich text: the path is escaped.
        QCOMPARE(
            panel.model()->index(0, SourceTableModel::Name).data(Qt::ToolTipRole).toString(), path.toHtmlEscaped());
    }
};

} // namespace activity

QTEST_MAIN(activity::TestSourcePanelLayout)
#include "tst_sourcepanellayout.moc"
