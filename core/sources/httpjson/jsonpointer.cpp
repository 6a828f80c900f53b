#include "core/sources/httpjson/jsonpointer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace activity {

namespace {
struct PointerText {
    Q_DECLARE_TR_FUNCTIONS(PointerText)
};

// RFC 6901 array index: "0" or digits without a leading zero.
std::optional<qsizetype> arrayIndex(const QString& token)
{
    if (token.isEmpty() || token.size() > 9 || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    for (const QChar c : token) {
        if (!c.isDigit())
            return std::nullopt;
    }
    return token.toLongLong();
}

void walk(const QJsonValue& value, const QStringList& tokens, int at, QStringList& keys, QList<JsonPointer::Match>& out)
{
    if (at == tokens.size()) {
        out.append({ value, keys });
        return;
    }
    const QString& token = tokens[at];
    if (token == QLatin1String("*")) {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                keys.append(QString::number(i));
                walk(array.at(i), tokens, at + 1, keys, out);
                keys.removeLast();
            }
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                keys.append(it.key());
                walk(it.value(), tokens, at + 1, keys, out);
                keys.removeLast();
            }
        }
        return;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(token))
            walk(object.value(token), tokens, at + 1, keys, out);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const auto index = arrayIndex(token);
        if (index && *index < array.size())
            walk(array.at(*index), tokens, at + 1, keys, out);
    }
}
} // namespace

std::optional<JsonPointer> JsonPointer::parse(const QString& text, QString* error)
{
    JsonPointer p;
    p.m_text = text;
    if (text.isEmpty())
        return p;
    if (!text.startsWith(QLatin1Char('/'))) {
        if (error)
            *error = PointerText::tr("'%1' is not a JSON Pointer: it must be empty or start with '/'").arg(text);
        return std::nullopt;
    }
    for (const QString& raw : text.mid(1).split(QLatin1Char('/'))) {
        QString token;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != QLatin1Char('~')) {
                token.append(raw[i]);
                continue;
            }
            const QChar next = i + 1 < raw.size() ? raw[i + 1] : QChar();
            if (next != QLatin1Char('0') && next != QLatin1Char('1')) {
                if (error)
                    *error = PointerText::tr("'%1' is not a JSON Pointer: '~' must be followed by 0 or 1").arg(text);
                return std::nullopt;
            }
            token.append(next == QLatin1Char('0') ? QLatin1Char('~') : QLatin1Char('/'));
            ++i;
        }
        p.m_tokens.append(token);
    }
    return p;
}

QString JsonPointer::lastName() const
{
    for (qsizetype i = m_tokens.size() - 1; i >= 0; --i) {
        if (m_tokens[i] != QLatin1String("*"))
            return m_tokens[i];
    }
    return {};
}

QList<JsonPointer::Match> JsonPointer::resolve(const QJsonValue& root) const
{
    QList<Match> out;
    QStringList keys;
    walk(root, m_tokens, 0, keys, out);
    return out;
}

} // namespace activity
