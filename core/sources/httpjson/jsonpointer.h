#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace activity {

// JSON Pointer (RFC 6901), with one extension for per-item series: a `*` token stands for every item of an
// array (or every member of an object), so "/versions/*/downloads" gives one value per version.
class JsonPointer {
public:
    // An empty pointer is the whole document. Returns nothing and sets `error` when the text is not a pointer.
    static std::optional<JsonPointer> parse(const QString& text, QString* error = nullptr);

    QString text() const { return m_text; }
    bool hasWildcard() const { return m_tokens.contains(QStringLiteral("*")); }
    // The last token that is not `*` ("num" for "/versions/*/num"), empty for the whole document.
    QString lastName() const;

    // One match: the value, and the keys the wildcards took (array indexes as decimal text).
    struct Match {
        QJsonValue value;
        QStringList wildcardKeys;
    };
    // Every value the pointer reaches. Without a wildcard: one match, or none when a token is missing.
    QList<Match> resolve(const QJsonValue& root) const;

private:
    QString m_text;
    QStringList m_tokens; // unescaped
};

} // namespace activity
