#include "core/util/clock.h"
#include "ui/sources/sourcetablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace activity {

class TestSourceTableModel : public QObject {
    Q_OBJECT
private slots:
    void columns()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ManualClock clock(1'795'564'800'000);
        const qint64 now = clock.nowSecs();
        SourceTableModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SourceRecord github;
        github.id = 1;
        github.type = "github";
        github.name = "torvalds/linux";
        github.lastSuccess = now - 120;
        github.nextRun = now + 780;
        github.rateLimitRemaining = 4987;
        SourceRecord syslog;
        syslog.id = 2;
        syslog.type = "syslog";
        syslog.name = "udp://127.0.0.1:5514";
        syslog.lastError = "<b>address in use</b>";
        SourceRecord paused;
        paused.id = 3;
        paused.type = "dockerhub";
        paused.name = "library/*";
        paused.enabled = false;
        paused.nextRun = now + 60;
        model.setSources({ github, syslog, paused });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 7);
        auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(model.headerData(SourceTableModel::RateLimit, Qt::Horizontal).toString(), QString("Rate limit left"));
        QCOMPARE(text(0, SourceTableModel::Type), QString("github"));
        QCOMPARE(text(0, SourceTableModel::Name), QString("torvalds/linux"));
        QCOMPARE(text(0, SourceTableModel::State), QString("running"));
        QCOMPARE(text(0, SourceTableModel::LastSuccess), QString("2 min ago"));
        QCOMPARE(text(0, SourceTableModel::NextRun), QString("in 13 min"));
        QCOMPARE(text(0, SourceTableModel::RateLimit), QString("4,987"));
        QCOMPARE(text(1, SourceTableModel::State), QString("failing"));
        QCOMPARE(text(1, SourceTableModel::LastSuccess), QString("never"));
        QCOMPARE(text(1, SourceTableModel::LastError), QString("<b>address in use</b>"));
        // Tooltips are rich text in Qt: the error stays inert.
        QCOMPARE(model.index(1, SourceTableModel::LastError).data(Qt::ToolTipRole).toString(),
            QString("&lt;b&gt;address in use&lt;/b&gt;"));
        QCOMPARE(text(1, SourceTableModel::RateLimit), QString());
        QCOMPARE(text(2, SourceTableModel::State), QString("paused"));
        QCOMPARE(text(2, SourceTableModel::NextRun), QString()); // paused: no next run
        QCOMPARE(model.index(2, 0).data(SourceTableModel::IdRole).toLongLong(), 3);
        QCOMPARE(model.index(2, 0).data(SourceTableModel::EnabledRole).toBool(), false);

        // A refresh with the same rows updates in place; a removed row resets.
        github.lastSuccess = now - 3 * 3600;
        model.setSources({ github, syslog, paused });
        QCOMPARE(text(0, SourceTableModel::LastSuccess), QString("3 h ago"));
        // A log source succeeds when a line is stored, not when one merely arrives.
        syslog.lastReceived = now - 5;
        model.setSources({ github, syslog, paused });
        QCOMPARE(text(1, SourceTableModel::LastSuccess), QString("none stored (line received 5 s ago)"));
        syslog.lastStored = now - 65;
        model.setSources({ github, syslog, paused });
        QCOMPARE(text(1, SourceTableModel::LastSuccess), QString("line stored 1 min ago"));
        model.setSources({ github });
        QCOMPARE(model.rowCount(), 1);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSourceTableModel)
#include "tst_sourcetablemodel.moc"
