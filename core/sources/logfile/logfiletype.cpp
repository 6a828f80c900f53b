#include "core/sources/logfile/logfiletype.h"

#include "core/sources/validators.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
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
    return s;
}

} // namespace activity
