// The program's log on the Health page: warnings and errors of the activity.* categories, with their module, the
// newest kept, while every message still reaches the handler before it (stderr).
#include "core/util/eventlog.h"
#include "core/util/logging.h"

#include <QSignalSpy>
#include <QTest>

namespace activity {

namespace {
QStringList g_passedOn;
void previousHandler(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_passedOn.append(message);
}
} // namespace

class TestEventLog : public QObject {
    Q_OBJECT
private slots:
    void keepsWarningsAndErrorsWithTheirModule()
    {
        const QtMessageHandler before = qInstallMessageHandler(previousHandler);
        {
            EventLog log(3);
            log.install();
            QSignalSpy added(&log, &EventLog::added);
            qCWarning(lcIngest) << "position not saved";
            qCCritical(lcWriter) << "disk full";
            qCDebug(lcIngest) << "not for the log";
            qCInfo(lcIngest) << "nor this";
            qWarning() << "a warning of no activity module";
            const QList<EventLog::Entry> entries = log.entries();
            QCOMPARE(entries.size(), 2);
            QCOMPARE(entries[0].module, QStringLiteral("ingest"));
            QCOMPARE(entries[0].type, QtWarningMsg);
            QVERIFY(entries[0].message.contains(QStringLiteral("position not saved")));
            QCOMPARE(entries[1].module, QStringLiteral("storage.writer"));
            QCOMPARE(entries[1].type, QtCriticalMsg);
            QVERIFY(entries[1].at.isValid());
            QTRY_COMPARE(added.count(), 2);

            // Only the newest are kept.
            for (int i = 0; i < 5; ++i)
                qCWarning(lcAlerts) << "webhook" << i;
            QCOMPARE(log.entries().size(), 3);
            QVERIFY(log.entries().last().message.contains(QStringLiteral("webhook 4")));
        }
        // Every message went on to the handler installed before, as printed on stderr.
        QVERIFY(g_passedOn.join(QLatin1Char('\n')).contains(QStringLiteral("disk full")));
        QVERIFY(g_passedOn.join(QLatin1Char('\n')).contains(QStringLiteral("a warning of no activity module")));
        // Once the log is gone, messages still pass (nothing is recorded).
        qCWarning(lcIngest) << "after";
        QVERIFY(g_passedOn.last().contains(QStringLiteral("after")));
        qInstallMessageHandler(before);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestEventLog)
#include "tst_eventlog.moc"
