#include "core/storage/database.h"
#include "tests/support/collectprocess.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

// End to end with real parts: Debian's nginx logs over syslog to the real `collect`, which stores
// the requests; the test checks the database as a user's report would.
class TestCollectNginx : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void nginxToDatabase();

private:
    QString m_nginx;
};

namespace {
// One HTTP/1.1 request through a raw socket, so the test chooses every header.
int get(quint16 port, const QByteArray& path, const QByteArray& forwardedFor, const QByteArray& agent)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return -1;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: test.local\r\nX-Forwarded-For: " + forwardedFor
        + "\r\nUser-Agent: " + agent + "\r\nConnection: close\r\n\r\n");
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        response += socket.readAll();
    response += socket.readAll();
    return response.mid(9, 3).toInt(); // "HTTP/1.1 200 OK"
}

QByteArray nginxConfig(const QString& prefix, quint16 httpPort, quint16 syslogPort)
{
    QByteArray conf = R"(daemon off;
master_process off;
pid PREFIX/nginx.pid;
error_log PREFIX/error.log;
events { worker_connections 64; }
http {
  client_body_temp_path PREFIX/body;
  proxy_temp_path PREFIX/proxy;
  fastcgi_temp_path PREFIX/fastcgi;
  uwsgi_temp_path PREFIX/uwsgi;
  scgi_temp_path PREFIX/scgi;
  access_log syslog:server=127.0.0.1:SYSLOG,tag=mysite combined;
  set_real_ip_from 127.0.0.1;
  real_ip_header X-Forwarded-For;
  server {
    listen 127.0.0.1:HTTP;
    location / { return 200 "hello\n"; }
    location /missing { return 404; }
    location /moved { return 301 /; }
  }
}
)";
    conf.replace("PREFIX", QFile::encodeName(prefix));
    conf.replace("SYSLOG", QByteArray::number(syslogPort));
    conf.replace("HTTP", QByteArray::number(httpPort));
    return conf;
}
} // namespace

void TestCollectNginx::initTestCase()
{
    for (const char* candidate : { "/usr/sbin/nginx", "/usr/bin/nginx" })
        if (QFile::exists(QString::fromLatin1(candidate)))
            m_nginx = QString::fromLatin1(candidate);
    if (m_nginx.isEmpty())
        QSKIP("nginx is not installed (packaging/install-deps.sh installs nginx-light)");
}

void TestCollectNginx::nginxToDatabase()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath("data");
    const quint16 syslogPort = CollectProcess::freeUdpPort();
    int status = -1;
    const QString added = CollectProcess::cli(dataDir,
        { "sources", "add", "syslog", "--listen", QStringLiteral("udp://127.0.0.1:%1").arg(syslogPort) }, &status);
    QVERIFY2(status == 0, qPrintable(added));

    QProcess collect;
    QVERIFY(CollectProcess::start(collect, dataDir));

    const QString prefix = dir.filePath("nginx");
    QVERIFY(QDir().mkpath(prefix));
    const quint16 httpPort = CollectProcess::freeTcpPort();
    QFile conf(prefix + "/nginx.conf");
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(nginxConfig(prefix, httpPort, syslogPort));
    conf.close();
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::MergedChannels);
    nginx.start(m_nginx, { "-p", prefix, "-c", prefix + "/nginx.conf", "-e", prefix + "/error.log" });
    QVERIFY(nginx.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        QTcpSocket().bind(QHostAddress::LocalHost, httpPort) == false || nginx.state() != QProcess::Running, 10000);
    QCOMPARE(nginx.state(), QProcess::Running);

    // Chosen client addresses: nginx takes them from X-Forwarded-For (real_ip_header).
    struct Request {
        QByteArray path, address;
        int status;
    };
    const QList<Request> requests = {
        { "/", "81.2.69.142", 200 },
        { "/docs/install?lang=en", "81.2.69.142", 200 },
        { "/missing", "2.125.160.216", 404 },
        { "/", "89.160.20.112", 200 },
        { "/moved", "2001:218::1", 301 },
        { "/", "10.1.2.3", 200 },
    };
    for (const Request& r : requests)
        QCOMPARE(get(httpPort, r.path, r.address, "e2e-agent/1.0"), r.status);

    nginx.terminate();
    QVERIFY(nginx.waitForFinished(10000));
    QCOMPARE(CollectProcess::stop(collect), 0);

    Database db(dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(*) FROM requests"), requests.size());
    QCOMPARE(db.queryInt("SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'mysite'"),
        requests.size());
    Statement rows = db.prepare("SELECT r.status, p.value, r.country FROM requests r "
                                "LEFT JOIN strings p ON p.id = r.path_id ORDER BY r.id");
    QList<QPair<int, QByteArray>> got;
    QStringList countries;
    while (rows.step()) {
        got.append({ int(rows.int64(0)), rows.blob(1) });
        countries.append(rows.text(2));
    }
    const QList<QPair<int, QByteArray>> expected = {
        { 200, "/" },
        { 200, "/docs/install" },
        { 404, "/missing" },
        { 200, "/" },
        { 301, "/moved" },
        { 200, "/" },
    };
    QCOMPARE(got, expected);
    QCOMPARE(countries, (QStringList { "GB", "GB", "GB", "SE", "JP", "" }));
    QCOMPARE(db.queryInt("SELECT sum(value) FROM ingest_counters WHERE name = 'messages_received'"), requests.size());
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCollectNginx)
#include "tst_collectnginx.moc"
