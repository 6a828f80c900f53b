#include "core/sources/syslog/syslogtype.h"

#include "core/sources/validators.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
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
    return s;
}

} // namespace activity
