#include "core/sources/syslog/syslogtype.h"

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
    d.name = QStringLiteral("nginx www");
    d.settings = { { QStringLiteral("listen"), QStringLiteral("udp://127.0.0.1:5514") },
        { QStringLiteral("site"), QStringLiteral("www") } };
    d.status = [](Database& db, qint64 id, qint64 now) {
        // Names as the receivers and the ingest pipeline write them.
        const std::array<std::pair<const char*, qint64>, 7> counters = { {
            { "messages_received", 184231 },
            { "denied", 11 },
            { "refused_connections", 0 },
            { "lines_received", 184220 },
            { "stored", 184197 },
            { "rejected", 23 },
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

SourceTypeSpec syslogType()
{
    SourceTypeSpec s;
    s.type = syslogTypeName();
    s.label = SourceText::tr("nginx over syslog");
    s.kind = SourceKind::Log;
    s.receiver = LogReceiver::Listener;
    s.formTest = SourceTypeSpec::FormTest::BindListener;
    s.showsNginxLine = true;
    s.fields = {
        makeField("listen", SourceText::tr("Listen on"), SourceText::tr("udp://ADDR:PORT or tcp://ADDR:PORT"), false,
            QStringLiteral("udp://127.0.0.1:5514"), Validators::listenUrl),
        makeField("allow", SourceText::tr("Allowed senders"),
            SourceText::tr("networks allowed to send, comma-separated"), false, QStringLiteral("127.0.0.0/8,::1/128"),
            Validators::cidrList),
        makeField("format", SourceText::tr("Log format"), SourceText::tr("'combined' or an nginx log_format string"),
            false, QStringLiteral("combined"), Validators::logFormat),
        makeField("site", SourceText::tr("Site"), SourceText::tr("site name when the syslog tag does not give one"),
            false, {}, Validators::siteName),
    };
    s.displayName = [](const QJsonObject& o) { return o.value(QLatin1String("listen")).toString(); };
    s.demo = demo();
    return s;
}

} // namespace activity
