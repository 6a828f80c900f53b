// Completed downloads from the command line: two generated logs whose truth the test knows by construction (each
// scenario says how many attempts it makes and how many complete), imported with `import`, read back from
// `report`'s downloads.csv and releases.csv and from the downloads series; sizes given with `downloads size`, and
// the settings downloads.window and downloads.patterns. Beside them, GitHub release-asset counts stored as a GitHub
// source's polls store them (GitHubAssets), at known times: releases.csv's github rows per version and day.
#include "core/sources/apistore.h"
#include "core/sources/github/githubassets.h"
#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {

const QByteArray kChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                           "Safari/537.36";
const QByteArray kFirefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const QByteArray kAria2 = "aria2/1.37.0"; // a download manager: unknown to agents.json, so a person
const QByteArray kGooglebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const QByteArray kCurl = "curl/8.5.0"; // a library: a bot

const QByteArray kTarball = "/dl/app-1.4.2.tar.gz"; // 1,000,000 bytes
const QByteArray kDeb = "/dl/app_1.4.2_amd64.deb"; // 500,000
const QByteArray kAppImage = "/dl/app-1.5.0-x86_64.AppImage"; // 200,000, never told by the log
const QByteArray kZip = "/dl/app-1.4.2.zip"; // 800,000
const QByteArray kTgz = "/dl/APP-1.4.2.TGZ"; // 300,000, upper case
const QByteArray kIso = "/rel/v2.0.0/tool.iso"; // 8,000,000, the version in a folder
const QByteArray kXz = "/dl/app-1.4.2.tar.xz"; // 600,000, whole only on the next day

struct Request {
    qint64 t;
    QByteArray addr, agent, method, path;
    int status;
    qint64 bytes;
    QByteArray contentRange = "-"; // only in the second log's format
    QByteArray contentLength = "-";
};

// What one scenario adds to a file's figures, for people or for bots.
struct Expected {
    QByteArray path;
    bool bots;
    int started, completed;
    qint64 day; // UTC day start of the attempts
};

// Whose downloads a file's figures count: the truth, per path, for one scope.
struct Figures {
    qint64 started = 0, completed = 0, bytes = 0;
};

const QHash<QByteArray, QString> kVersions = { { kTarball, "1.4.2" }, { kDeb, "1.4.2" }, { kAppImage, "1.5.0" },
    { kZip, "1.4.2" }, { kTgz, "1.4.2" }, { kIso, "2.0.0" }, { kXz, "1.4.2" } };

QList<QStringList> readCsv(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        QStringList cells; // no quote or comma in these paths: a plain split reads them
        for (const QByteArray& c : line.split(','))
            cells << QString::fromUtf8(c).remove(QLatin1Char('\r'));
        rows << cells;
    }
    return rows;
}

QByteArray logLine(const Request& r, bool withContentFields)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(r.t, Qt::UTC);
    QByteArray line = r.addr + " - - [" + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1()
        + " +0000] \"" + r.method + ' ' + r.path + " HTTP/1.1\" " + QByteArray::number(r.status) + ' '
        + QByteArray::number(r.bytes) + " \"-\" \"" + r.agent + "\"";
    if (withContentFields)
        line += " \"" + r.contentRange + "\" \"" + r.contentLength + "\"";
    return line + '\n';
}

} // namespace

class TestDownloadsReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void downloadsCsvCountsCompletedDownloads();
    void releasesCsvPerVersionAndDay();
    void botsOnlyWhenAsked();
    void seriesCountTheSame();
    void sizeGivenCompletesUnknownFiles();
    void windowSettingMergesLaterRanges();
    void patternsSettingChoosesFiles();
    void sizeFromA200AfterTheRange();

private:
    QString report(const QStringList& extra = {});
    QHash<QString, Figures> truth(bool bots) const;
    QTemporaryDir m_tmp;
    QString m_data;
    QList<Request> m_www; // combined format: no content range
    QList<Request> m_mirror; // with $sent_http_content_range and $sent_http_content_length
    QList<Expected> m_expected;
    QHash<QString, qint64> m_github; // "version,github,day" -> GitHub asset downloads gained that day
    qint64 m_day1 = 0, m_day2 = 0;
    int m_reports = 0;
};

void TestDownloadsReport::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_day1 = QDateTime(QDate(2026, 11, 10), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    m_day2 = m_day1 + 86400;
    const qint64 h9 = m_day1 + 9 * 3600;
    const auto www = [this](qint64 t, const char* addr, const QByteArray& agent, const QByteArray& path, int status,
                         qint64 bytes, const QByteArray& method = "GET") {
        m_www.append({ t, addr, agent, method, path, status, bytes });
    };
    const auto expect = [this](const QByteArray& path, int started, int completed, qint64 day, bool bots = false) {
        m_expected.append({ path, bots, started, completed, day });
    };
    // Whole files answered 200: one completed download each.
    www(h9, "10.1.0.1", kChrome, kTarball, 200, 1'000'000);
    www(h9 + 300, "10.1.0.2", kFirefox, kTarball, 200, 1'000'000);
    www(h9 + 600, "10.1.0.3", kChrome, kTarball, 200, 1'000'000);
    expect(kTarball, 3, 3, m_day1);
    // A 200 cut short (the client went away): started, not completed.
    www(h9 + 1200, "10.1.0.4", kChrome, kTarball, 200, 400'000);
    expect(kTarball, 1, 0, m_day1);
    // Two halves 11 minutes apart: beyond the 10-minute window, two attempts, neither whole.
    www(h9 + 3600, "10.1.0.5", kChrome, kTarball, 206, 500'000);
    www(h9 + 3600 + 660, "10.1.0.5", kChrome, kTarball, 206, 500'000);
    expect(kTarball, 2, 0, m_day1);
    // Two ranges 9 minutes apart (offsets not logged) whose bytes make the file: one completed download.
    www(h9 + 5400, "10.1.0.6", kFirefox, kTarball, 206, 600'000);
    www(h9 + 5400 + 540, "10.1.0.6", kFirefox, kTarball, 206, 400'000);
    expect(kTarball, 1, 1, m_day1);
    // The .deb's size is known only from a 200 three hours later.
    www(h9 + 7200, "10.1.0.7", kChrome, kDeb, 206, 250'000);
    www(h9 + 7260, "10.1.0.7", kChrome, kDeb, 206, 250'000);
    www(h9 + 18000, "10.1.0.8", kFirefox, kDeb, 200, 500'000);
    expect(kDeb, 2, 2, m_day1);
    // No 200 ever for the AppImage: its size is unknown, so its ranges are a download started, never completed.
    www(h9 + 10800, "10.1.0.9", kChrome, kAppImage, 206, 100'000);
    www(h9 + 10920, "10.1.0.9", kChrome, kAppImage, 206, 100'000);
    expect(kAppImage, 1, 0, m_day1);
    // Halves from two clients are not merged; a whole 200 later.
    www(h9 + 14400, "10.1.0.10", kChrome, kZip, 206, 400'000);
    www(h9 + 14460, "10.1.0.11", kChrome, kZip, 206, 400'000);
    www(h9 + 21600, "10.1.0.12", kChrome, kZip, 200, 800'000);
    expect(kZip, 3, 1, m_day1);
    // The extension in capitals still makes a download.
    www(h9 + 25000, "10.1.0.13", kFirefox, kTgz, 200, 300'000);
    expect(kTgz, 1, 1, m_day1);
    // Bots: Googlebot and curl fetching the tarball whole, curl's range of the zip.
    www(h9 + 26000, "66.249.66.1", kGooglebot, kTarball, 200, 1'000'000);
    www(h9 + 26100, "192.0.2.1", kCurl, kTarball, 200, 1'000'000);
    www(h9 + 26200, "192.0.2.1", kCurl, kZip, 206, 100'000);
    expect(kTarball, 2, 2, m_day1, true);
    expect(kZip, 1, 0, m_day1, true);
    // The .tar.xz: two halves on day 1, its size known only from a whole 200 on day 2 (outside a day-1 report).
    www(h9 + 28000, "10.1.0.15", kChrome, kXz, 206, 300'000);
    www(h9 + 28060, "10.1.0.15", kChrome, kXz, 206, 300'000);
    expect(kXz, 1, 1, m_day1);
    www(m_day2 + 8 * 3600, "10.1.0.16", kFirefox, kXz, 200, 600'000);
    expect(kXz, 1, 1, m_day2);
    // Not downloads: a HEAD, a 304, a 404, pages and a text file.
    www(h9 + 27000, "10.1.0.14", kChrome, kTarball, 200, 0, "HEAD");
    www(h9 + 27100, "10.1.0.14", kChrome, kTarball, 304, 0);
    www(h9 + 27200, "10.1.0.14", kChrome, "/dl/app-9.9.9.tar.gz", 404, 150);
    www(h9 + 27300, "10.1.0.14", kChrome, "/index.html", 200, 5000);
    www(h9 + 27400, "10.1.0.14", kChrome, "/dl/NOTES.txt", 200, 700);

    // The mirror logs content ranges: a download manager's 8 parallel ranges of the 8 MB image.
    const qint64 d9 = m_day2 + 9 * 3600;
    const qint64 mb = 1'000'000;
    const auto range = [](qint64 first, qint64 last) -> QByteArray {
        return "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + "/8000000";
    };
    const QList<int> order = { 3, 0, 7, 1, 5, 2, 6, 4 }; // logged as they finish
    for (int k = 0; k < 8; ++k) {
        const int i = order[k];
        m_mirror.append({ d9 + k, "10.2.0.1", kAria2, "GET", kIso, 206, mb, range(i * mb, i * mb + mb - 1) });
    }
    expect(kIso, 1, 1, m_day2);
    // Eight ranges again, but the first twice and the last never: as many bytes as the file, not covering it.
    for (int i : { 0, 1, 2, 3, 4, 5, 6, 0 })
        m_mirror.append({ d9 + 600 + i, "10.2.0.2", kAria2, "GET", kIso, 206, mb, range(i * mb, i * mb + mb - 1) });
    expect(kIso, 1, 0, m_day2);
    // The last range cut short: 7.5 MB of 8.
    for (int i = 0; i < 8; ++i)
        m_mirror.append({ d9 + 1200 + i, "10.2.0.3", kAria2, "GET", kIso, 206, i == 7 ? mb / 2 : mb,
            range(i * mb, i * mb + mb - 1) });
    expect(kIso, 1, 0, m_day2);
    // A browser's 200 cut at 3 MB, resumed two minutes later from there: one download, completed.
    m_mirror.append({ d9 + 1800, "10.2.0.4", kFirefox, "GET", kIso, 200, 3 * mb, "-", "8000000" });
    m_mirror.append({ d9 + 1920, "10.2.0.4", kFirefox, "GET", kIso, 206, 5 * mb, range(3 * mb, 8 * mb - 1) });
    expect(kIso, 1, 1, m_day2);

    QByteArray wwwLog, mirrorLog;
    for (const Request& r : std::as_const(m_www))
        wwwLog += logLine(r, false);
    for (const Request& r : std::as_const(m_mirror))
        mirrorLog += logLine(r, true);
    const QString wwwPath = m_tmp.filePath(QStringLiteral("www.log"));
    const QString mirrorPath = m_tmp.filePath(QStringLiteral("mirror.log"));
    for (const auto& [path, text] : { std::pair { wwwPath, wwwLog }, std::pair { mirrorPath, mirrorLog } }) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    m_data = m_tmp.filePath(QStringLiteral("data"));
    ProgramResult imported
        = runProgram({ QStringLiteral("import"), QStringLiteral("--site"), QStringLiteral("www"), wwwPath }, m_data);
    QVERIFY2(imported.code == 0, qPrintable(imported.all()));
    imported = runProgram(
        { QStringLiteral("import"), QStringLiteral("--site"), QStringLiteral("mirror"), QStringLiteral("--format"),
            QStringLiteral("$remote_addr - $remote_user [$time_local] \"$request\" $status "
                           "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" "
                           "\"$sent_http_content_range\" \"$sent_http_content_length\""),
            mirrorPath },
        m_data);
    QVERIFY2(imported.code == 0, qPrintable(imported.all()));

    // GitHub's counts of three assets of three releases, polled at these times (the store as `import` left it).
    {
        activity::Database db(activity::TestStore::storeOfDataDir(m_data));
        activity::ApiStore store(db);
        const QString repo = QStringLiteral("acme/app");
        struct Poll {
            qint64 at;
            int tarball, deb, iso, rc;
        };
        const Poll polls[] = {
            { m_day1 - 4 * 3600, 100, 40, 5, 0 }, // the day before the range: where counting starts
            { m_day1 + 8 * 3600, 110, 40, 9, 0 },
            { m_day1 + 20 * 3600, 125, 38, 9, 0 }, // the .deb's count goes down: no negative day
            { m_day2 + 9 * 3600, 130, 45, 12, 6 }, // 1.5.0-rc1 published at 02:00, polled for the first time
            { m_day2 + 86400 + 9 * 3600, 200, 60, 20, 9 }, // after the range
        };
        for (const Poll& p : polls) {
            const qint64 last = &p == polls ? 0 : (&p - 1)->at;
            activity::GitHubAssets::record(store, 0, { repo, "v1.4.2", "app-1.4.2.tar.gz" }, p.at, p.tarball, 0, last);
            activity::GitHubAssets::record(store, 0, { repo, "v1.4.2", "app_1.4.2_amd64.deb" }, p.at, p.deb, 0, last);
            activity::GitHubAssets::record(store, 0, { repo, "v2.0.0", "tool.iso" }, p.at, p.iso, 0, last);
            if (p.rc > 0)
                activity::GitHubAssets::record(
                    store, 0, { repo, "1.5.0-rc1", "app-1.5.0-rc1.zip" }, p.at, p.rc, m_day2 + 2 * 3600, last);
        }
    }
    m_github = { { "1.4.2,github,2026-11-10", 25 }, { "2.0.0,github,2026-11-10", 4 }, { "1.4.2,github,2026-11-11", 12 },
        { "2.0.0,github,2026-11-11", 3 }, { "1.5.0-rc1,github,2026-11-11", 6 } };
}

// The truth per path: attempts from the scenarios, bytes from every GET answered 200 or 206 of a download path
// sent to that scope.
QHash<QString, Figures> TestDownloadsReport::truth(bool bots) const
{
    QHash<QString, Figures> out;
    for (const Expected& e : m_expected) {
        if (e.bots != bots)
            continue;
        Figures& f = out[QString::fromLatin1(e.path)];
        f.started += e.started;
        f.completed += e.completed;
    }
    for (const QList<Request>* list : { &m_www, &m_mirror })
        for (const Request& r : *list) {
            const bool bot = r.agent == kGooglebot || r.agent == kCurl;
            if (bot != bots || r.method != "GET" || (r.status != 200 && r.status != 206) || !kVersions.contains(r.path))
                continue;
            out[QString::fromLatin1(r.path)].bytes += r.bytes;
        }
    return out;
}

QString TestDownloadsReport::report(const QStringList& extra)
{
    const QString out = m_tmp.filePath(QStringLiteral("report-%1").arg(++m_reports));
    const ProgramResult r
        = runProgram(QStringList { QStringLiteral("report"), QStringLiteral("--out"), out, QStringLiteral("--from"),
                         QStringLiteral("2026-11-10"), QStringLiteral("--to"), QStringLiteral("2026-11-11") }
                + extra,
            m_data);
    if (r.code != 0)
        qWarning().noquote() << r.all();
    return r.code == 0 ? out : QString();
}

void TestDownloadsReport::downloadsCsvCountsCompletedDownloads()
{
    const QString out = report();
    QVERIFY(!out.isEmpty());
    const QList<QStringList> rows = readCsv(out + QStringLiteral("/downloads.csv"));
    QCOMPARE(rows.value(0).join(','), QStringLiteral("path,version,started,completed,bytes"));
    QHash<QString, QString> got, want;
    for (const QStringList& row : rows.mid(1))
        got.insert(row.value(0), row.mid(1).join(','));
    const QHash<QString, Figures> t = truth(false);
    for (auto it = t.cbegin(); it != t.cend(); ++it)
        want.insert(it.key(),
            QStringLiteral("%1,%2,%3,%4")
                .arg(kVersions.value(it.key().toLatin1()))
                .arg(it->started)
                .arg(it->completed)
                .arg(it->bytes));
    QCOMPARE(got, want);
    // Busiest first: completed downloads decide the order.
    for (qsizetype i = 2; i < rows.size(); ++i)
        QVERIFY(rows[i - 1].value(3).toLongLong() >= rows[i].value(3).toLongLong());
}

void TestDownloadsReport::releasesCsvPerVersionAndDay()
{
    const QString out = report();
    QVERIFY(!out.isEmpty());
    const QList<QStringList> rows = readCsv(out + QStringLiteral("/releases.csv"));
    QCOMPARE(rows.value(0).join(','), QStringLiteral("version,source,day,downloads"));
    QHash<QString, qint64> want;
    for (const Expected& e : std::as_const(m_expected))
        if (!e.bots)
            want[kVersions.value(e.path) + QStringLiteral(",site,")
                + QDateTime::fromSecsSinceEpoch(e.day, Qt::UTC).date().toString(Qt::ISODate)]
                += e.completed;
    QHash<QString, qint64> got, gotGitHub;
    QStringList order;
    for (const QStringList& row : rows.mid(1)) {
        (row.value(1) == QLatin1String("github") ? gotGitHub : got)
            .insert(row.mid(0, 3).join(','), row.value(3).toLongLong());
        order << row.mid(0, 3).join(',');
    }
    QCOMPARE(got, want);
    QCOMPARE(gotGitHub, m_github);
    // The site's rows, then GitHub's, each by version and day.
    QStringList sorted = order;
    std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
        const bool ga = a.contains(QLatin1String(",github,")), gb = b.contains(QLatin1String(",github,"));
        return ga != gb ? gb : a < b;
    });
    QCOMPARE(order, sorted);
}

void TestDownloadsReport::botsOnlyWhenAsked()
{
    const QString out = report({ QStringLiteral("--agents"), QStringLiteral("bots") });
    QVERIFY(!out.isEmpty());
    QHash<QString, QString> got, want;
    for (const QStringList& row : readCsv(out + QStringLiteral("/downloads.csv")).mid(1))
        got.insert(row.value(0), row.mid(2).join(','));
    const QHash<QString, Figures> t = truth(true);
    for (auto it = t.cbegin(); it != t.cend(); ++it)
        want.insert(it.key(), QStringLiteral("%1,%2,%3").arg(it->started).arg(it->completed).arg(it->bytes));
    QCOMPARE(got, want);
}

void TestDownloadsReport::seriesCountTheSame()
{
    for (const QString& version : { QStringLiteral("1.4.2"), QStringLiteral("2.0.0") }) {
        for (const bool completed : { false, true }) {
            const QString id = QStringLiteral("downloads.%1{version=\"%2\"}")
                                   .arg(completed ? QStringLiteral("completed") : QStringLiteral("started"), version);
            const ProgramResult r
                = runProgram({ QStringLiteral("series"), QStringLiteral("get"), id, QStringLiteral("--from"),
                                 QStringLiteral("2026-11-10"), QStringLiteral("--to"), QStringLiteral("2026-11-11"),
                                 QStringLiteral("--step"), QStringLiteral("1d"), QStringLiteral("--json") },
                    m_data);
            QVERIFY2(r.code == 0, qPrintable(r.all()));
            QHash<QString, double> got;
            for (const QJsonValue& p : QJsonDocument::fromJson(r.out.toUtf8()).object().value("points").toArray())
                if (p.toObject().value("value").toDouble() != 0)
                    got.insert(
                        p.toObject().value("timestamp").toString().left(10), p.toObject().value("value").toDouble());
            QHash<QString, double> want;
            for (const Expected& e : std::as_const(m_expected))
                if (!e.bots && kVersions.value(e.path) == version && (completed ? e.completed : e.started) > 0)
                    want[QDateTime::fromSecsSinceEpoch(e.day, Qt::UTC).date().toString(Qt::ISODate)]
                        += completed ? e.completed : e.started;
            QCOMPARE(got, want);
        }
    }
    // An asset's GitHub count, by the id `series list` gives it: the last count of each day.
    const QString iso = QStringLiteral("github.asset_downloads{repo=\"acme/app\",asset=\"tool.iso\"}");
    const ProgramResult listed = runProgram({ QStringLiteral("series"), QStringLiteral("list") }, m_data);
    QVERIFY2(listed.out.contains(iso), qPrintable(listed.all()));
    const ProgramResult counts
        = runProgram({ QStringLiteral("series"), QStringLiteral("get"), iso, QStringLiteral("--from"),
                         QStringLiteral("2026-11-10"), QStringLiteral("--to"), QStringLiteral("2026-11-11"),
                         QStringLiteral("--step"), QStringLiteral("1d"), QStringLiteral("--json") },
            m_data);
    QVERIFY2(counts.code == 0, qPrintable(counts.all()));
    QStringList values;
    for (const QJsonValue& p : QJsonDocument::fromJson(counts.out.toUtf8()).object().value("points").toArray())
        values << p.toObject().value("timestamp").toString().left(10) + QLatin1Char('=')
                + QString::number(p.toObject().value("value").toDouble());
    QCOMPARE(values, (QStringList { "2026-11-10=9", "2026-11-11=12" }));

    const ProgramResult bad = runProgram(
        { QStringLiteral("series"), QStringLiteral("get"), QStringLiteral("downloads.completed{country=\"DE\"}") },
        m_data);
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QLatin1String("country")), qPrintable(bad.err));
}

void TestDownloadsReport::sizeGivenCompletesUnknownFiles()
{
    const auto appImageRow = [this]() {
        const QString out = report();
        for (const QStringList& row : readCsv(out + QStringLiteral("/downloads.csv")))
            if (row.value(0) == QString::fromLatin1(kAppImage))
                return row.mid(2, 2).join(',');
        return QString();
    };
    QCOMPARE(appImageRow(), QStringLiteral("1,0"));
    ProgramResult r = runProgram({ QStringLiteral("downloads"), QStringLiteral("size"), QString::fromLatin1(kAppImage),
                                     QStringLiteral("200000") },
        m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
    QCOMPARE(appImageRow(), QStringLiteral("1,1")); // its two ranges of 100,000 make the 200,000 bytes
    r = runProgram({ QStringLiteral("downloads"), QStringLiteral("sizes") }, m_data);
    QVERIFY2(r.out.contains(QString::fromLatin1(kAppImage) + QStringLiteral("\t200000")), qPrintable(r.all()));
    // A size too big for what was sent leaves it started only; `none` gives the log's word back.
    r = runProgram({ QStringLiteral("downloads"), QStringLiteral("size"), QString::fromLatin1(kAppImage),
                       QStringLiteral("200001") },
        m_data);
    QCOMPARE(appImageRow(), QStringLiteral("1,0"));
    r = runProgram(
        { QStringLiteral("downloads"), QStringLiteral("size"), QString::fromLatin1(kAppImage), QStringLiteral("none") },
        m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
    QCOMPARE(appImageRow(), QStringLiteral("1,0"));
    // Bad input names itself.
    r = runProgram(
        { QStringLiteral("downloads"), QStringLiteral("size"), QString::fromLatin1(kAppImage), QStringLiteral("-5") },
        m_data);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("-5")), qPrintable(r.err));
    r = runProgram(
        { QStringLiteral("downloads"), QStringLiteral("size"), QStringLiteral("app.iso"), QStringLiteral("5") },
        m_data);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("app.iso")), qPrintable(r.err));
}

void TestDownloadsReport::windowSettingMergesLaterRanges()
{
    ProgramResult r = runProgram(
        { QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("downloads.window"), QStringLiteral("10") },
        m_data);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("downloads.window")), qPrintable(r.err));
    r = runProgram({ QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("downloads.window"),
                       QStringLiteral("1200") },
        m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
    // With 20 minutes, the halves 11 minutes apart are one completed download.
    Figures want = truth(false).value(QString::fromLatin1(kTarball));
    want.started -= 1;
    want.completed += 1;
    const QString out = report();
    QString got;
    for (const QStringList& row : readCsv(out + QStringLiteral("/downloads.csv")))
        if (row.value(0) == QString::fromLatin1(kTarball))
            got = row.mid(2).join(',');
    QCOMPARE(got, QStringLiteral("%1,%2,%3").arg(want.started).arg(want.completed).arg(want.bytes));
    r = runProgram({ QStringLiteral("settings"), QStringLiteral("unset"), QStringLiteral("downloads.window") }, m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
}

void TestDownloadsReport::patternsSettingChoosesFiles()
{
    ProgramResult r = runProgram({ QStringLiteral("settings"), QStringLiteral("set"),
                                     QStringLiteral("downloads.patterns"), QStringLiteral("tar.gz") },
        m_data);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("tar.gz")), qPrintable(r.err));
    r = runProgram({ QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("downloads.patterns"),
                       QStringLiteral(".ISO /dl/*.txt") },
        m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
    const QString out = report();
    QStringList paths;
    for (const QStringList& row : readCsv(out + QStringLiteral("/downloads.csv")).mid(1))
        paths << row.value(0) + ',' + row.value(2) + ',' + row.value(3);
    paths.sort();
    QCOMPARE(paths, (QStringList { "/dl/NOTES.txt,1,1", QString::fromLatin1(kIso) + ",4,2" }));
    r = runProgram(
        { QStringLiteral("settings"), QStringLiteral("unset"), QStringLiteral("downloads.patterns") }, m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
}

void TestDownloadsReport::sizeFromA200AfterTheRange()
{
    // A report of day 1 alone: the .tar.xz's halves are completed by the size its day-2 200 tells.
    const QString out = m_tmp.filePath(QStringLiteral("day1"));
    const ProgramResult r
        = runProgram({ QStringLiteral("report"), QStringLiteral("--out"), out, QStringLiteral("--from"),
                         QStringLiteral("2026-11-10"), QStringLiteral("--to"), QStringLiteral("2026-11-10") },
            m_data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
    Figures want;
    for (const Expected& e : std::as_const(m_expected))
        if (!e.bots && e.path == kXz && e.day == m_day1) {
            want.started += e.started;
            want.completed += e.completed;
        }
    QString got;
    for (const QStringList& row : readCsv(out + QStringLiteral("/downloads.csv")))
        if (row.value(0) == QString::fromLatin1(kXz))
            got = row.mid(2, 2).join(',');
    QCOMPARE(got, QStringLiteral("%1,%2").arg(want.started).arg(want.completed));
}

QTEST_GUILESS_MAIN(TestDownloadsReport)
#include "tst_downloadsreport.moc"
