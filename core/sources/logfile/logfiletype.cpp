#include "core/sources/logfile/logfiletype.h"

#include "core/sources/validators.h"
#include "core/storage/ingestcounters.h"

#include <QCoreApplication>
#include <array>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
} // namespace

namespace {
// The demo's source of this type: its receiver's counters as Health shows them.
SourceDemo demo()
{
    SourceDemo d;
    d.name = QStringLiteral("docs access log");
    d.settings = { { QStringLiteral("path"), QStringLiteral("/var/log/nginx/docs.access.log") },
        { QStringLiteral("site"), QStringLiteral("docs") } };
    d.status = [](Database& db, qint64 id, qint64 now) {
        // Names as the receivers and the ingest pipeline write them.
        const std::array<std::pair<const char*, qint64>, 4> counters = { {
            { "lines_received", 73410 },
            { "stored", 73408 },
            { "rejected", 2 },
            { "dropped", 0 },
        } };
        for (const auto& [counter, value] : counters)
            IngestCounters(db).add(id, QString::fromLatin1(counter), value);
        IngestCounters(db).setLatest(id, QStringLiteral("last_received_at"), now - 2);
        IngestCounters(db).setLatest(id, QStringLiteral("last_stored_at"), now - 2);
    };
    return d;
}
} // namespace

SourceTypeSpec logfileType()
{
    SourceTypeSpec s;
    s.type = logfileTypeName();
    s.label = SourceText::tr("nginx log file");
    s.kind = SourceKind::Log;
    s.receiver = LogReceiver::Follower;
    s.formTest = SourceTypeSpec::FormTest::ReadFile;
    s.fields = {
        makeField("path", SourceText::tr("File"),
            SourceText::tr("access log to follow, like tail -F; on a server: ssh://USER@HOST/var/log/nginx/access.log "
                           "(your ssh keys and ~/.ssh/config, no password prompt)"),
            true, {}, Validators::logPath),
        makeField("site", SourceText::tr("Site"), SourceText::tr("site name for these requests"), false, {},
            Validators::siteName),
        makeField("format", SourceText::tr("Log format"), SourceText::tr("'combined' or an nginx log_format string"),
            false, QStringLiteral("combined"), Validators::logFormat),
    };
    s.displayName = [](const QJsonObject& o) { return o.value(QLatin1String("path")).toString(); };
    s.demo = demo();
    return s;
}

} // namespace activity
