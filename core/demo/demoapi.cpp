#include "core/alerts/alertstore.h"
#include "core/dashboards/dashboardstore.h"
#include "core/demo/demoparts.h"
#include "core/demo/demotraffic.h"
#include "core/events/eventstore.h"
#include "core/sources/apistore.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
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
    qint64 firstListener = 0;
    for (const SourceTypeSpec& type : SourceRegistry::builtIn().types()) {
        if (!type.demo)
            continue;
        const qint64 id = sources.add(type.type, type.demo->name, type.demo->settings);
        if (type.demo->status)
            type.demo->status(db, id, now);
        if (type.receiver == LogReceiver::Listener && firstListener == 0)
            firstListener = id;
    }
    qint64 ts = now - 5000;
    for (const DemoRejected& sample : DemoData::rejectedSamples())
        traffic.reject(firstListener, ts += 600, sample.line, sample.reason);
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
    // Releases of the demo's repository (as its GitHub source back-fills them) and two notes of the user's.
    const std::array<std::tuple<qint64, const char*, const char*>, 6> releases = { {
        { day - 61 * 86400 + 16 * 3600, "v1.8.0", "Widget 1.8" },
        { day - 33 * 86400 + 11 * 3600, "v1.9.0", "Widget 1.9" },
        { day - 12 * 86400 + 15 * 3600, "v2.0.0", "Widget 2.0" },
        { day - 12 * 86400 + 19 * 3600, "v2.0.1", "Widget 2.0.1" },
        { day - 11 * 86400 + 10 * 3600, "v2.0.2", "Widget 2.0.2" },
        { day - 86400 + 21 * 3600, "v2.1.0-rc1", "Widget 2.1 RC 1" },
    } };
    EventStore projectEvents(db);
    for (const auto& [ts, tag, title] : releases)
        projectEvents.record(1, QString::fromLatin1(tag),
            { 0, ts, QString::fromLatin1(ProjectEvents::kRelease), QStringLiteral("acme/widget"),
                QString::fromLatin1(title),
                QStringLiteral("https://github.com/acme/widget/releases/tag/") + QString::fromLatin1(tag) },
            now);
    projectEvents.addNote(day - 12 * 86400 + 17 * 3600, QStringLiteral("Posted on Hacker News"),
        QStringLiteral("https://news.ycombinator.com/"), now);
    projectEvents.addNote(day - 40 * 86400 + 10 * 3600, QStringLiteral("Talk at FOSDEM"), QString(), now);
}

qint64 DemoParts::addApi(Database& db, const DemoOptions& o, std::mt19937& rng)
{
    ApiStore store(db);
    const qint64 end = o.nowSecs - o.nowSecs % o.apiSampleSeconds;
    const SourceDemo::Span span { end - qint64(o.apiDays > 0 ? o.apiDays : o.days) * 86400, end, o.apiSampleSeconds };
    qint64 count = 0;
    // Without the sources (a benchmark's data), the series belong to none; with them, to the source of the type.
    qint64 nextId = 0;
    for (const SourceTypeSpec& type : SourceRegistry::builtIn().types()) {
        if (!type.demo)
            continue;
        ++nextId;
        if (type.demo->samples)
            count += type.demo->samples(store, o.sources ? nextId : 0, span, rng);
    }
    return count;
}

} // namespace activity
