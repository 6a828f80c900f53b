#include "core/query/seriesid.h"

#include <QCoreApplication>

namespace activity {

namespace {
bool isNameChar(QChar c, bool first)
{
    if (c.isLetter() || c == QLatin1Char('_'))
        return c.unicode() < 128;
    return !first && (c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char('-'));
}

QString tr(const char* text)
{
    return QCoreApplication::translate("SeriesId", text);
}
} // namespace

QString SeriesId::label(const QString& key) const
{
    for (const auto& [k, v] : labels)
        if (k == key)
            return v;
    return {};
}

bool SeriesId::hasLabel(const QString& key) const
{
    for (const auto& l : labels)
        if (l.first == key)
            return true;
    return false;
}

QString SeriesId::text() const
{
    if (labels.isEmpty())
        return name;
    QStringList parts;
    for (const auto& [k, v] : labels) {
        QString escaped = v;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""))
            .replace(QLatin1Char('\n'), QLatin1String("\\n"));
        parts.append(QStringLiteral("%1=\"%2\"").arg(k, escaped));
    }
    return QStringLiteral("%1{%2}").arg(name, parts.join(QLatin1Char(',')));
}

std::optional<SeriesId> SeriesId::parse(const QString& text, QString* error)
{
    const auto fail = [&](const QString& why) -> std::optional<SeriesId> {
        if (error)
            *error = tr("'%1' is not a series id: %2").arg(text, why);
        return std::nullopt;
    };
    SeriesId id;
    qsizetype i = 0;
    while (i < text.size() && isNameChar(text[i], i == 0))
        ++i;
    id.name = text.left(i);
    if (id.name.isEmpty())
        return fail(tr("it must start with a name such as traffic.requests"));
    if (i == text.size())
        return id;
    if (text[i] != QLatin1Char('{') || !text.endsWith(QLatin1Char('}')))
        return fail(tr("labels go in braces: name{key=\"value\"}"));
    ++i;
    const qsizetype end = text.size() - 1;
    while (i < end) {
        const qsizetype keyStart = i;
        while (i < end && isNameChar(text[i], i == keyStart) && text[i] != QLatin1Char('.'))
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        if (key.isEmpty() || i + 1 >= end || text[i] != QLatin1Char('=') || text[i + 1] != QLatin1Char('"'))
            return fail(tr("expected key=\"value\" at position %1").arg(keyStart + 1));
        i += 2;
        QString value;
        bool closed = false;
        while (i < end) {
            const QChar c = text[i++];
            if (c == QLatin1Char('\\') && i < end) {
                const QChar escaped = text[i++];
                value.append(escaped == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : escaped);
            } else if (c == QLatin1Char('"')) {
                closed = true;
                break;
            } else {
                value.append(c);
            }
        }
        if (!closed)
            return fail(tr("the value of '%1' has no closing quote").arg(key));
        if (id.hasLabel(key))
            return fail(tr("the label '%1' is given twice").arg(key));
        id.labels.append({ key, value });
        if (i < end) {
            if (text[i] != QLatin1Char(','))
                return fail(tr("labels are separated by commas"));
            ++i;
        }
    }
    return id;
}

} // namespace activity
