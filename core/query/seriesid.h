#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace activity {

// A series' stable textual id, as the command line, alert rules and dashboards name it:
// `traffic.requests`, `traffic.requests{site="www",country="DE"}`, `github.stars{repo="acme/rocket"}`.
// Label values are quoted; `\`, `"` and a newline inside them are written `\\`, `\"` and `\n` (Prometheus's notation).
struct SeriesId {
    QString name;
    QList<QPair<QString, QString>> labels; // in the order written

    QString label(const QString& key) const;
    bool hasLabel(const QString& key) const;
    QString text() const;
    // Empty name and `error` set when `text` is not an id; the error names what is wrong.
    static std::optional<SeriesId> parse(const QString& text, QString* error);
};

} // namespace activity
