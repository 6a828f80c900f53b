#include "core/sources/httpjson/httpjsoncollector.h"

#include "core/events/projectevent.h"
#include "core/secrets/secretmask.h"
#include "core/sources/apistore.h"
#include "core/sources/packages/versionevents.h"
#include "core/sources/validators.h"
#include "core/util/clock.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct HttpJsonText {
    Q_DECLARE_TR_FUNCTIONS(HttpJsonText)
};
} // namespace

const QString HttpJsonCollector::kProvider = QStringLiteral("http-json");

HttpJsonCollector::HttpJsonCollector(qint64 sourceId, QJsonObject settings, Services services, QObject* parent)
    : ApiCollector(sourceId, std::move(settings), services, parent)
{ }

QList<std::pair<QString, QString>> HttpJsonCollector::parseHeaderEnv(const QString& lines, QString* error)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QString& line : lines.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString name = line.left(eq).trimmed();
        const QString variable = line.mid(eq + 1).trimmed();
        QString headerError;
        parseHeaders(name + QStringLiteral(": x"), &headerError);
        if (eq <= 0 || !headerError.isEmpty() || !Validators::envVarName(variable).isEmpty()) {
            if (error)
                *error = HttpJsonText::tr("'%1' is not 'Header-Name=VARIABLE'").arg(line);
            return {};
        }
        pairs.append({ name, variable });
    }
    return pairs;
}

QList<QPair<QByteArray, QByteArray>> HttpJsonCollector::parseHeaders(const QString& lines, QString* error)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QString& line : lines.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString name = line.left(colon).trimmed();
        bool ok = colon > 0 && !name.isEmpty();
        for (const QChar c : name)
            ok = ok && c.unicode() < 128 && (c.isLetterOrNumber() || QStringLiteral("-_!#$%&'*+.^`|~").contains(c));
        if (!ok || line.contains(QLatin1Char('\r'))) {
            // Quoted masked: a header line may hold a credential.
            if (error)
                *error = HttpJsonText::tr("'%1' is not a header line 'Name: value'")
                             .arg(colon > 0 ? SecretMask::headerLines(line) : SecretMask::mask());
            return {};
        }
        headers.append({ name.toLatin1(), line.mid(colon + 1).trimmed().toUtf8() });
    }
    return headers;
}

void HttpJsonCollector::startPoll()
{
    // Read at each poll: the headers' secrets are put back only while it runs, and variables may change.
    QList<QPair<QByteArray, QByteArray>> headers = parseHeaders(settings().value(QLatin1String("header")).toString());
    for (const auto& [name, variable] : parseHeaderEnv(settings().value(QLatin1String("header-env")).toString())) {
        const QByteArray value = qgetenv(variable.toLocal8Bit().constData());
        if (value.isEmpty()) {
            fail(HttpJsonText::tr("the environment variable %1 (--header-env %2) is not set").arg(variable, name), 0);
            return;
        }
        headers.append({ name.toLatin1(), value });
    }
    setExtraHeaders(headers);
    const QUrl url(settings().value(QLatin1String("url")).toString());
    QList<HttpJsonFields::Field> fields;
    for (const QString& spec : settings().value(QLatin1String("field")).toString().split(QLatin1Char('\n'))) {
        if (const auto f = HttpJsonFields::parse(spec))
            fields.append(*f);
    }
    std::optional<JsonPointer> label;
    if (const QString text = settings().value(QLatin1String("label")).toString(); !text.isEmpty())
        label = JsonPointer::parse(text);
    // Labels are stored as key=value, the key being the label pointer's last name ("num" for /versions/*/num).
    const QString labelKey = label && !label->lastName().isEmpty() ? label->lastName() : QStringLiteral("item");
    fetch(url, "application/json", true, [this, url, fields, label, labelKey](const Page& page) {
        const HttpJsonFields::Extracted got = HttpJsonFields::extract(page.body, fields, label);
        if (!got.values.isEmpty())
            store(got.values, labelKey);
        storeVersions(page.body);
        if (!got.errors.isEmpty())
            fail(QStringLiteral("GET %1: %2").arg(describe(url), got.errors.join(QStringLiteral("; "))),
                page.response.status);
    });
}

// The crates preset's answer also dates each version: package-version events (its "versions" setting).
void HttpJsonCollector::storeVersions(const QByteArray& body)
{
    const QString type = settings().value(QLatin1String("versions")).toString();
    if (type != QLatin1String("crates"))
        return;
    const QString package = settings().value(QLatin1String("versions-package")).toString();
    const auto found = VersionEvents::parseCrates(body);
    if (!found)
        return;
    m_store.transaction([&] {
        for (const VersionEvents::Version& v : *found)
            m_store.recordEvent(sourceId(), v.version,
                { 0, v.publishedAt, QString::fromLatin1(ProjectEvents::kPackageVersion), package,
                    QStringLiteral("%1 %2").arg(package, v.version), VersionEvents::pageOf(type, package, v.version) });
    });
}

QString HttpJsonCollector::seriesKey(qint64 sourceId, const QString& labels)
{
    return labels.isEmpty() ? QString::number(sourceId) : QStringLiteral("%1:%2").arg(sourceId).arg(labels);
}

QString HttpJsonCollector::labelsOf(const QString& seriesKey)
{
    return seriesKey.section(QLatin1Char(':'), 1);
}

void HttpJsonCollector::store(const QList<HttpJsonFields::Value>& values, const QString& labelKey)
{
    const qint64 now = m_clock.nowSecs();
    m_store.transaction([&] {
        for (const HttpJsonFields::Value& v : values) {
            const QString labels = v.label.isEmpty() ? QString() : labelKey + QLatin1Char('=') + v.label;
            m_store.recordSnapshot(
                m_store.seriesId(sourceId(), kProvider, seriesKey(sourceId(), labels), v.metric), now, v.value);
        }
    });
}

} // namespace activity
