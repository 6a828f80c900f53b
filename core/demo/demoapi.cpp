#include "core/alerts/alertstore.h"
#include "core/dashboards/dashboardstore.h"
#include "core/demo/demoparts.h"
#include "core/demo/demotraffic.h"
#include "core/sources/apistore.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/fetchstate.h"
#include "core/storage/ingestcounters.h"
#include "core/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <array>
#include <tuple>

namespace activity {

void DemoParts::addSources(Database& db, qint64 now, DemoTrafficWriter& traffic)
{
    const ManualClock created(0);
    SourceStore sources(db, created);
    const std::array<std::tuple<const char*, const char*, const char*>, 4> rows = { {
        { "github", "acme (organisation)", R"({"org":"acme","interval":"15m"})" },
        { "dockerhub", "acme (namespace)", R"({"namespace":"acme","interval":"1h"})" },
        { "syslog", "nginx www", R"({"listen":"udp://127.0.0.1:5514","site":"www"})" },
        { "logfile", "docs access log", R"({"path":"/var/log/nginx/docs.access.log","site":"docs"})" },
    } };
    for (const auto& [type, name, settings] : rows)
        sources.add(QString::fromLatin1(type), QString::fromLatin1(name),
            QJsonDocument::fromJson(QByteArray(settings)).object());
    FetchState(db).recordSuccess(1, now - 240, 200);
    FetchState(db).setNextRun(1, now + 660);
    FetchState(db).setRateLimit(1, 5000, 4788, now + 2400);
    FetchState(db).recordSuccess(2, now - 1500, 200);
    FetchState(db).recordError(2, now - 1560, QStringLiteral("HTTP 429 Too Many Requests (retried)"), 200);
    FetchState(db).setNextRun(2, now + 2100);
    // Names as the receivers and the ingest pipeline write them.
    const std::array<std::tuple<int, const char*, int>, 11> counters = { {
        { 3, "messages_received", 184231 },
        { 3, "denied", 11 },
        { 3, "refused_connections", 0 },
        { 3, "lines_received", 184220 },
        { 3, "stored", 184197 },
        { 3, "rejected", 23 },
        { 3, "dropped", 0 },
        { 4, "lines_received", 73410 },
        { 4, "stored", 73408 },
        { 4, "rejected", 2 },
        { 4, "dropped", 0 },
    } };
    for (const auto& [source, name, value] : counters)
        IngestCounters(db).add(source, QString::fromLatin1(name), value);
    for (const qint64 source : { 3, 4 }) {
        IngestCounters(db).setLatest(source, QStringLiteral("last_received_at"), now - 2);
        IngestCounters(db).setLatest(source, QStringLiteral("last_stored_at"), now - 2);
    }
    qint64 ts = now - 5000;
    for (const DemoRejected& sample : DemoData::rejectedSamples())
        traffic.reject(3, ts += 600, sample.line, sample.reason);
    addAlerts(db, now);
    addDashboard(db, now);
}

void DemoParts::addDashboard(Database& db, qint64 now)
{
    DashboardSpec spec;
    spec.name = QStringLiteral("Project at a glance");
    const auto add = [&](PanelSpec::Kind kind, QStringList series, int width, int height = 1, QString title = {}) {
        PanelSpec p;
        p.kind = kind;
        p.series = std::move(series);
        p.width = width;
        p.height = height;
        p.title = std::move(title);
        spec.panels.append(p);
    };
    add(PanelSpec::Kind::Figure, { QStringLiteral("traffic.requests") }, 1, 1, QStringLiteral("Requests"));
    add(PanelSpec::Kind::Figure, { QStringLiteral("traffic.share.5xx") }, 1, 1, QStringLiteral("Server errors"));
    add(PanelSpec::Kind::Figure, { QStringLiteral("github.stars{repo=\"acme/widget\"}") }, 1, 1,
        QStringLiteral("Stars of acme/widget"));
    add(PanelSpec::Kind::Figure, { QStringLiteral("dockerhub.pulls{repo=\"acme/widget\"}") }, 1, 1,
        QStringLiteral("Docker pulls"));
    add(PanelSpec::Kind::Line,
        { QStringLiteral("traffic.requests{site=\"www\"}"), QStringLiteral("traffic.requests{site=\"docs\"}") }, 2, 2,
        QStringLiteral("Requests per site"));
    add(PanelSpec::Kind::Bars, { QStringLiteral("traffic.status.4xx"), QStringLiteral("traffic.status.5xx") }, 2, 1,
        QStringLiteral("Errors"));
    add(PanelSpec::Kind::Map, {}, 2, 1);
    DashboardStore(db).add(spec, now);
}

void DemoParts::addAlerts(Database& db, qint64 now)
{
    struct DemoRule {
        const char* name;
        const char* series;
        AlertRule::Kind kind;
        double threshold;
        qint64 span;
        qint64 forSecs;
        AlertRule::Severity severity;
    };
    const std::array<DemoRule, 3> rules = { {
        { "Site errors", "traffic.share.5xx", AlertRule::Kind::Above, 5, 0, 600, AlertRule::Severity::Critical },
        { "Stars fell", "github.stars{repo=\"acme/widget\"}", AlertRule::Kind::Change, -1, 86400, 0,
            AlertRule::Severity::Info },
        { "nginx www silent", "ingest.received{source=\"3\"}", AlertRule::Kind::NoData, 0, 900, 0,
            AlertRule::Severity::Warning },
    } };
    for (const DemoRule& d : rules) {
        AlertRule r;
        r.name = QString::fromLatin1(d.name);
        r.series = QString::fromLatin1(d.series);
        r.kind = d.kind;
        r.threshold = d.threshold;
        r.span = d.span;
        r.forSecs = d.forSecs;
        r.severity = d.severity;
        r.createdAt = now - 30 * 86400;
        r.id = AlertStore(db).add(r);
        AlertState state;
        state.ruleId = r.id;
        state.lastEval = now - 30;
        AlertStore(db).saveState(state);
    }
    // Two days ago the site answered 5xx for half an hour; yesterday the listener was silent during a restart.
    const qint64 day = now - now % 86400;
    const std::array<std::tuple<qint64, const char*, const char*, const char*, double, const char*>, 4> events = { {
        { day - 2 * 86400 + 14 * 3600 + 300, "Site errors", "critical", "firing", 12.5,
            "Share of requests answered 5xx is 12.5%, above 5%" },
        { day - 2 * 86400 + 14 * 3600 + 2400, "Site errors", "critical", "resolved", 0.4,
            "Share of requests answered 5xx is 0.4%" },
        { day - 86400 + 9 * 3600, "nginx www silent", "warning", "firing", 960,
            "Log lines received (source 3): no data for 16m" },
        { day - 86400 + 9 * 3600 + 300, "nginx www silent", "warning", "resolved", 60,
            "Log lines received (source 3): last data at a minute before" },
    } };
    for (const auto& [ts, name, severity, event, value, message] : events) {
        AlertEvent e;
        e.ruleId = QLatin1String(name) == QLatin1String("Site errors") ? 1 : 3;
        e.ruleName = QString::fromLatin1(name);
        e.series = QLatin1String(name) == QLatin1String("Site errors")
            ? QStringLiteral("traffic.share.5xx")
            : QStringLiteral("ingest.received{source=\"3\"}");
        e.severity = QString::fromLatin1(severity);
        e.ts = ts;
        e.event = QString::fromLatin1(event);
        e.value = value;
        e.message = QString::fromLatin1(message);
        AlertStore(db).addEvent(e);
    }
}

namespace {
struct Repo {
    const char* name;
    double stars;
    double starsPerDay;
    double forksRatio;
    double downloadsPerDay;
    int contributors;
};
constexpr std::array<Repo, 3> kRepos = { {
    { "acme/widget", 8200, 14, 0.11, 380, 142 },
    { "acme/widget-cli", 1900, 4, 0.08, 120, 37 },
    { "acme/widget-docs", 310, 0.8, 0.2, 0, 58 },
} };
struct Image {
    const char* name;
    double pulls;
    double pullsPerDay;
    double stars;
};
constexpr std::array<Image, 3> kImages = { {
    { "acme/widget", 2'400'000, 5200, 88 },
    { "acme/widget-worker", 610'000, 1400, 21 },
    { "acme/widget-proxy", 95'000, 260, 6 },
} };

// Samples through the store collectors use, inside the caller's transaction.
class ApiWriter {
public:
    ApiWriter(Database& db, bool linkSources)
        : m_store(db)
        , m_linkSources(linkSources)
    { }
    qint64 series(int source, const char* provider, const char* repo, const char* metric)
    {
        return m_store.seriesId(m_linkSources ? source : 0, QString::fromLatin1(provider), QString::fromLatin1(repo),
            QString::fromLatin1(metric));
    }
    void sample(qint64 series, qint64 ts, double value)
    {
        m_store.recordPoint(series, ts, value);
        ++count;
    }
    qint64 count = 0;

private:
    ApiStore m_store;
    bool m_linkSources;
};

} // namespace

qint64 DemoParts::addApi(Database& db, const DemoOptions& o, std::mt19937& rng)
{
    ApiWriter w(db, o.sources);
    const qint64 end = o.nowSecs - o.nowSecs % o.apiSampleSeconds;
    const qint64 start = end - qint64(o.apiDays > 0 ? o.apiDays : o.days) * 86400;
    std::normal_distribution<double> noise(0, 1);
    for (const Repo& repo : kRepos) {
        const qint64 stars = w.series(1, "github", repo.name, "stars");
        const qint64 forks = w.series(1, "github", repo.name, "forks");
        const qint64 watchers = w.series(1, "github", repo.name, "watchers");
        const qint64 issues = w.series(1, "github", repo.name, "open_issues");
        const qint64 pulls = w.series(1, "github", repo.name, "open_pull_requests");
        const qint64 downloads = w.series(1, "github", repo.name, "release_downloads");
        const qint64 contributors = w.series(1, "github", repo.name, "contributors");
        const qint64 views = w.series(1, "github", repo.name, "views");
        const qint64 viewsUnique = w.series(1, "github", repo.name, "views_unique");
        const qint64 clones = w.series(1, "github", repo.name, "clones");
        const qint64 clonesUnique = w.series(1, "github", repo.name, "clones_unique");
        double s = repo.stars;
        double dl = repo.downloadsPerDay * 40;
        double openIssues = 40 + repo.stars / 200;
        double openPulls = 6 + repo.stars / 1500;
        int contrib = repo.contributors;
        const double perTick = double(o.apiSampleSeconds) / 86400.0;
        for (qint64 ts = start; ts <= end; ts += o.apiSampleSeconds) {
            const double rhythm = DemoParts::weekFactor(ts) * DemoParts::dayFactor(ts);
            // A release 30 days ago brought a burst of stars and downloads.
            const double burst = (ts > end - 30 * 86400 && ts < end - 27 * 86400) ? 4.0 : 1.0;
            s += std::max(0.0, repo.starsPerDay * perTick * rhythm * burst * (1 + 0.5 * noise(rng)));
            dl += std::max(0.0, repo.downloadsPerDay * perTick * rhythm * burst * (1 + 0.4 * noise(rng)));
            openIssues = std::max(3.0, openIssues + 0.35 * noise(rng) * std::sqrt(perTick * 24));
            openPulls = std::max(0.0, openPulls + 0.15 * noise(rng) * std::sqrt(perTick * 24));
            if (std::uniform_real_distribution<double>(0, 1)(rng) < 0.05 * perTick * 24)
                ++contrib;
            w.sample(stars, ts, std::floor(s));
            w.sample(forks, ts, std::floor(s * repo.forksRatio));
            w.sample(watchers, ts, std::floor(s * 0.025 + 10));
            w.sample(issues, ts, std::round(openIssues + openPulls));
            w.sample(pulls, ts, std::round(openPulls));
            w.sample(downloads, ts, std::floor(dl));
            w.sample(contributors, ts, contrib);
            if (ts % 86400 == 0) {
                // Traffic: GitHub gives per-day counts (not cumulative).
                const double v = repo.stars / 8 * DemoParts::weekFactor(ts) * (1 + 0.2 * noise(rng)) * burst;
                w.sample(views, ts, std::round(std::max(1.0, v)));
                w.sample(viewsUnique, ts, std::round(std::max(1.0, v * 0.3)));
                w.sample(clones, ts, std::round(std::max(0.0, v * 0.08)));
                w.sample(clonesUnique, ts, std::round(std::max(0.0, v * 0.03)));
            }
        }
    }
    for (const Image& image : kImages) {
        const qint64 pullsSeries = w.series(2, "dockerhub", image.name, "pulls");
        const qint64 starsSeries = w.series(2, "dockerhub", image.name, "stars");
        double p = image.pulls;
        double st = image.stars;
        const double perTick = double(o.apiSampleSeconds) / 86400.0;
        for (qint64 ts = start; ts <= end; ts += o.apiSampleSeconds) {
            // CI systems pull around the clock; people less at weekends.
            p += std::max(
                0.0, image.pullsPerDay * perTick * (0.5 + 0.5 * DemoParts::weekFactor(ts)) * (1 + 0.3 * noise(rng)));
            if (std::uniform_real_distribution<double>(0, 1)(rng) < image.stars / 2000 * perTick * 24)
                st += 1;
            w.sample(pullsSeries, ts, std::floor(p));
            w.sample(starsSeries, ts, st);
        }
    }
    return w.count;
}

} // namespace activity
