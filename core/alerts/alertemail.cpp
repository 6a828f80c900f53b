#include "core/alerts/alertemail.h"

#include "core/alerts/alertnotifier.h"
#include "core/settings/appsettings.h"

#include <QCoreApplication>
#include <QDateTime>

namespace activity {

AlertEmail::Config AlertEmail::read(Database& db)
{
    const auto get
        = [&db](const char* key) { return AppSettings::get(db, QString::fromLatin1(key)).value_or(QString()); };
    Config c;
    c.server.host = get("alerts.smtp.host");
    c.server.implicitTls = get("alerts.smtp.tls") == QLatin1String("tls");
    c.server.port = quint16(get("alerts.smtp.port").toUInt());
    if (c.server.port == 0)
        c.server.port = c.server.implicitTls ? 465 : 587;
    c.server.user = get("alerts.smtp.user");
    c.server.from = get("alerts.smtp.from");
    if (const QString ca = get("alerts.smtp.ca_file"); !ca.isEmpty())
        c.server.caCertificates = QSslCertificate::fromPath(ca);
    c.passwordAt = TokenVault::parseLocation(get("alerts.smtp.password"));
    return c;
}

SmtpMessage AlertEmail::message(const AlertNotice& n)
{
    SmtpMessage m;
    m.to = n.rule.email;
    m.subject = QStringLiteral("[%1] %2").arg(n.event.severity, AlertMessages::title(n));
    m.body = AlertMessages::text(n) + QStringLiteral("\n\n")
        + QCoreApplication::translate("AlertEmail", "At %1 (UTC). Series: %2. Rule: %3.")
              .arg(QDateTime::fromSecsSinceEpoch(n.event.ts, Qt::UTC).toString(Qt::ISODate), n.rule.series,
                  n.rule.condition())
        + QStringLiteral("\n-- \nActivity Dashboard\n");
    return m;
}

} // namespace activity
