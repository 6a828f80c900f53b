#include "core/sources/validators.h"

#include "core/ingest/remotelog.h"
#include "core/secrets/secretmask.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace activity {

namespace {
struct ValidatorText {
    Q_DECLARE_TR_FUNCTIONS(ValidatorText)
};
} // namespace

QString Validators::logPath(const QString& value)
{
    if (const QString error = nonEmpty(value); !error.isEmpty())
        return error;
    if (RemoteLog::isRemote(value) && !RemoteLog::parse(value))
        return ValidatorText::tr("must be ssh://USER@HOST[:PORT]/PATH (an absolute path on the server), got '%1'")
            .arg(value);
    return {};
}

QString Validators::nonEmpty(const QString& value)
{
    return value.trimmed().isEmpty() ? ValidatorText::tr("must not be empty") : QString();
}

QString Validators::organisation(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98})$"));
    if (value.isEmpty())
        return ValidatorText::tr("must not be empty");
    return re.match(value).hasMatch()
        ? QString()
        : ValidatorText::tr("must be a name of letters, digits, '.', '_' or '-', like 'octocat'");
}

QString Validators::repository(const QString& value)
{
    const QStringList parts = value.split(QLatin1Char('/'));
    if (parts.size() != 2 || !organisation(parts[0]).isEmpty() || !organisation(parts[1]).isEmpty())
        return ValidatorText::tr("must be owner/name, like 'torvalds/linux', got '%1'").arg(value);
    return {};
}

std::optional<qint64> Validators::parseDurationSecs(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    const QString v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 bare = v.toLongLong(&isNumber);
    if (isNumber)
        return bare > 0 ? std::optional<qint64>(bare) : std::nullopt;
    const auto m = re.match(v);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 secs = m.captured(1).toLongLong() * 86400 + m.captured(2).toLongLong() * 3600
        + m.captured(3).toLongLong() * 60 + m.captured(4).toLongLong();
    if (secs <= 0 || secs > 366LL * 86400)
        return std::nullopt;
    return secs;
}

QString Validators::duration(const QString& value)
{
    return parseDurationSecs(value)
        ? QString()
        : ValidatorText::tr("must be a duration like 90s, 15m, 1h or 1h30m (at most a year), got '%1'").arg(value);
}

QString Validators::httpUrl(const QString& value)
{
    // A stored URL shows its secrets masked (••••): valid as the URL it stands for.
    const QUrl url(QString(value).replace(SecretMask::mask(), QStringLiteral("x")), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return ValidatorText::tr("must be an http:// or https:// URL with a host, got '%1'")
            .arg(SecretMask::url(value));
    return {};
}

QString Validators::port(const QString& value)
{
    bool ok = false;
    const int p = value.toInt(&ok);
    return ok && p >= 1 && p <= 65535 ? QString()
                                      : ValidatorText::tr("port must be a number from 1 to 65535, got '%1'").arg(value);
}

std::optional<Validators::ListenAddress> Validators::parseListenUrl(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^(udp|tcp)://(\\[[^\\]]+\\]|[^:/\\[\\]]+):(\\d+)$"));
    const auto m = re.match(value.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    QString host = m.captured(2);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    ListenAddress out;
    out.protocol = m.captured(1) == QLatin1String("udp") ? ListenAddress::Protocol::Udp : ListenAddress::Protocol::Tcp;
    if (host == QLatin1String("localhost"))
        out.address = QHostAddress(QHostAddress::LocalHost);
    else if (!out.address.setAddress(host))
        return std::nullopt;
    bool ok = false;
    const int p = m.captured(3).toInt(&ok);
    if (!ok || p < 1 || p > 65535)
        return std::nullopt;
    out.port = quint16(p);
    return out;
}

QString Validators::listenUrl(const QString& value)
{
    static const QRegularExpression portRe(QStringLiteral(":(\\d+)$"));
    if (!value.startsWith(QLatin1String("udp://")) && !value.startsWith(QLatin1String("tcp://")))
        return ValidatorText::tr("must start with udp:// or tcp://, like udp://127.0.0.1:5514, got '%1'").arg(value);
    const auto m = portRe.match(value);
    if (!m.hasMatch())
        return ValidatorText::tr("must end with :PORT, like udp://127.0.0.1:5514, got '%1'").arg(value);
    const QString portError = port(m.captured(1));
    if (!portError.isEmpty())
        return portError;
    return parseListenUrl(value)
        ? QString()
        : ValidatorText::tr(
            "must name an IP address and a port, like udp://127.0.0.1:5514 or tcp://[::1]:5514, got '%1'")
              .arg(value);
}

std::optional<QList<std::pair<QHostAddress, int>>> Validators::parseCidrList(const QString& value)
{
    QList<std::pair<QHostAddress, int>> out;
    const QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& raw : items) {
        const QString item = raw.trimmed();
        std::pair<QHostAddress, int> subnet;
        if (item.contains(QLatin1Char('/')))
            subnet = QHostAddress::parseSubnet(item);
        else {
            subnet.first = QHostAddress(item);
            subnet.second = subnet.first.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
        }
        if (subnet.first.isNull() || subnet.second < 0)
            return std::nullopt;
        out.append(subnet);
    }
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

QString Validators::cidrList(const QString& value)
{
    return parseCidrList(value)
        ? QString()
        : ValidatorText::tr("must be a comma-separated list of networks like 127.0.0.0/8,::1/128, got '%1'").arg(value);
}

QString Validators::envVarName(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(value).hasMatch()
        ? QString()
        : ValidatorText::tr("must be an environment variable name like GITHUB_TOKEN, got '%1'").arg(value);
}

QString Validators::siteName(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(value).hasMatch()
        ? QString()
        : ValidatorText::tr("must be 1-64 letters, digits, '.', '_' or '-' (like an nginx syslog tag), got '%1'")
              .arg(value);
}

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
} // namespace

QString Validators::logFormat(const QString& value)
{
    return value.trimmed().isEmpty() ? SourceText::tr("must be 'combined' or an nginx log_format string") : QString();
}

QString Validators::storedTokenLocation(const QString& value)
{
    return value == QLatin1String("keyring") || value == QLatin1String("file")
        ? QString()
        : SourceText::tr("must be 'keyring' or 'file' (where the token is kept), got '%1'").arg(value);
}

} // namespace activity
