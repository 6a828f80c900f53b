#include "core/secrets/secretmask.h"

#include <QStringList>
#include <QUrlQuery>

namespace activity {

QString SecretMask::mask()
{
    return QStringLiteral("\u2022\u2022\u2022\u2022");
}

bool SecretMask::isCredentialHeader(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    static const QStringList exact { QStringLiteral("authorization"), QStringLiteral("proxy-authorization"),
        QStringLiteral("cookie"), QStringLiteral("x-api-key") };
    if (exact.contains(n))
        return true;
    for (const char* part : { "token", "key", "secret", "auth" })
        if (n.contains(QLatin1String(part)))
            return true;
    return false;
}

bool SecretMask::isCredentialParameter(QStringView name)
{
    static const QStringList names { QStringLiteral("key"), QStringLiteral("api_key"), QStringLiteral("apikey"),
        QStringLiteral("token"), QStringLiteral("access_token"), QStringLiteral("secret"), QStringLiteral("signature"),
        QStringLiteral("sig"), QStringLiteral("password") };
    return names.contains(name.trimmed().toString().toLower());
}

namespace {
// The URL split at its query by hand: QUrl would re-encode what the user typed and the mask.
struct UrlParts {
    QString head; // scheme://user:password@host/path
    QString query; // after '?', without the fragment
    QString fragment; // with its '#'
};

UrlParts partsOf(const QString& url)
{
    UrlParts p;
    const qsizetype hash = url.indexOf(QLatin1Char('#'));
    const QString beforeHash = hash < 0 ? url : url.left(hash);
    p.fragment = hash < 0 ? QString() : url.mid(hash);
    const qsizetype q = beforeHash.indexOf(QLatin1Char('?'));
    p.head = q < 0 ? beforeHash : beforeHash.left(q);
    p.query = q < 0 ? QString() : beforeHash.mid(q + 1);
    return p;
}

// scheme://user:password@host: the password's span in `head`, or {-1, 0}.
std::pair<qsizetype, qsizetype> passwordSpan(const QString& head)
{
    const qsizetype scheme = head.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return { -1, 0 };
    const qsizetype authorityStart = scheme + 3;
    qsizetype authorityEnd = head.indexOf(QLatin1Char('/'), authorityStart);
    if (authorityEnd < 0)
        authorityEnd = head.size();
    const qsizetype at = head.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    if (at < authorityStart)
        return { -1, 0 };
    const qsizetype colon = head.indexOf(QLatin1Char(':'), authorityStart);
    if (colon < 0 || colon > at)
        return { -1, 0 };
    return { colon + 1, at - colon - 1 };
}

QString maskedUrl(const QString& url, bool* found)
{
    UrlParts p = partsOf(url);
    if (const auto [start, length] = passwordSpan(p.head); start >= 0 && length > 0) {
        p.head.replace(start, length, SecretMask::mask());
        *found = true;
    }
    if (!p.query.isEmpty()) {
        QStringList items = p.query.split(QLatin1Char('&'));
        for (QString& item : items) {
            const qsizetype eq = item.indexOf(QLatin1Char('='));
            const QString name = QUrl::fromPercentEncoding(item.left(eq < 0 ? item.size() : eq).toUtf8());
            if (eq > 0 && eq + 1 < item.size() && SecretMask::isCredentialParameter(name)) {
                item = item.left(eq + 1) + SecretMask::mask();
                *found = true;
            }
        }
        p.query = items.join(QLatin1Char('&'));
    }
    return p.head + (p.query.isEmpty() && !url.contains(QLatin1Char('?')) ? QString() : QLatin1Char('?') + p.query)
        + p.fragment;
}

QString maskedHeaders(const QString& lines, bool* found)
{
    QStringList out;
    for (const QString& line : lines.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0 && SecretMask::isCredentialHeader(QStringView(line).left(colon))
            && !line.mid(colon + 1).trimmed().isEmpty()) {
            out.append(line.left(colon + 1) + QLatin1Char(' ') + SecretMask::mask());
            *found = true;
        } else {
            out.append(line);
        }
    }
    return out.join(QLatin1Char('\n'));
}
} // namespace

QString SecretMask::url(const QString& url)
{
    bool found = false;
    return maskedUrl(url, &found);
}

bool SecretMask::urlHasSecret(const QString& url)
{
    bool found = false;
    maskedUrl(url, &found);
    return found;
}

QString SecretMask::headerLines(const QString& lines)
{
    bool found = false;
    return maskedHeaders(lines, &found);
}

bool SecretMask::headerLinesHaveSecret(const QString& lines)
{
    bool found = false;
    maskedHeaders(lines, &found);
    return found;
}

QString SecretMask::webhook(const QString& url)
{
    const QUrl u(url);
    return u.host().isEmpty() ? mask() : u.host() + QStringLiteral("/\u2026");
}

QString SecretMask::scrub(QString text, const QUrl& secretUrl, const QString& shown)
{
    if (!secretUrl.isValid() || text.isEmpty())
        return text;
    for (const QString& form : { secretUrl.toString(QUrl::FullyEncoded), secretUrl.toString(),
             QUrl::fromPercentEncoding(secretUrl.toString(QUrl::FullyEncoded).toUtf8()), secretUrl.toDisplayString() })
        if (!form.isEmpty())
            text.replace(form, shown);
    // Whatever is left of the URL's secret parts (a message quoting only the path and query).
    for (const auto& [name, value] : QUrlQuery(secretUrl).queryItems(QUrl::FullyDecoded))
        if (isCredentialParameter(name) && !value.isEmpty())
            text.replace(value, mask());
    if (const QString password = secretUrl.password(); !password.isEmpty())
        text.replace(password, mask());
    return text;
}

} // namespace activity
