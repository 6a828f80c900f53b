#include "tests/support/runprogram.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// A stand-in for the desktop's notification server (GNOME Shell, Plasma, dunst...): it owns
// org.freedesktop.Notifications on the test's private session bus and records each Notify call.
class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        QString app;
        QString summary;
        QString body;
        int urgency = -1;
    };
    QList<Shown> shown;

public slots:
    uint Notify(const QString& app, uint, const QString&, const QString& summary, const QString& body,
        const QStringList&, const QVariantMap& hints, int)
    {
        shown.append({ app, summary, body, hints.value(QStringLiteral("urgency")).toInt() });
        return uint(shown.size());
    }
    QStringList GetCapabilities() { return { QStringLiteral("body") }; }
};

namespace activity {

// A firing alert reaches the desktop as a freedesktop notification over D-Bus, from a `collect` run by the user.
class TestDesktopNotify : public QObject {
    Q_OBJECT
private slots:
    void firingAlertIsShownOnTheDesktop()
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("server"));
        QVERIFY2(bus.isConnected(), "no private session bus (the test runs itself under dbus-run-session)");
        FakeNotificationServer server;
        QVERIFY(bus.registerObject(
            QStringLiteral("/org/freedesktop/Notifications"), &server, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));

        QTemporaryDir dir;
        const QString when = QLocale::c().toString(
            QDateTime::currentDateTimeUtc().addSecs(-60), QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"));
        QFile log(dir.filePath("access.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3; ++i)
            log.write(QStringLiteral("203.0.113.9 - - [%1] \"GET /<b>x</b> HTTP/1.1\" 503 10 \"-\" \"curl\"\n")
                          .arg(when)
                          .toUtf8());
        log.close();
        const QString data = dir.filePath("data");
        QCOMPARE(runProgram({ "import", log.fileName() }, data).code, 0);
        QCOMPARE(runProgram({ "alerts", "add", "--series", "traffic.status.5xx", "--above", "2", "--window", "10m",
                                "--severity", "critical", "--name", "Server errors" },
                     data)
                     .code,
            0);
        const ProgramResult once = runProgram({ "collect", "--once" }, data);
        QVERIFY2(once.code == 0, qPrintable(once.all()));
        QTRY_COMPARE(server.shown.size(), 1);
        QCOMPARE(server.shown[0].app, QString("Activity Dashboard"));
        QCOMPARE(server.shown[0].summary, QString("Server errors: firing (critical)"));
        QCOMPARE(server.shown[0].urgency, 2);
        QVERIFY2(
            server.shown[0].body.contains("Requests answered 5xx is 3, above 2"), qPrintable(server.shown[0].body));
    }
};

} // namespace activity

// The test owns a session bus of its own: it runs itself again under dbus-run-session.
int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("ACTIVITY_TEST_PRIVATE_BUS")) {
        QCoreApplication app(argc, argv);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ACTIVITY_TEST_PRIVATE_BUS"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        QStringList args { QStringLiteral("--"), QCoreApplication::applicationFilePath() };
        for (int i = 1; i < argc; ++i)
            args.append(QString::fromLocal8Bit(argv[i]));
        child.start(QStringLiteral("dbus-run-session"), args);
        if (!child.waitForStarted() || !child.waitForFinished(120'000)) {
            qCritical("dbus-run-session could not run the test");
            return 1;
        }
        return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
    }
    QCoreApplication app(argc, argv);
    activity::TestDesktopNotify test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_desktopnotify.moc"
