#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace activity {

// A page the user builds: named panels on a grid of four columns, each drawing catalogue series (SeriesCatalogue).
struct PanelSpec {
    enum class Kind { Line, Area, Bars, Figure, Table, Map };
    Kind kind = Kind::Line;
    QString title; // empty: the first series' name
    QStringList series; // catalogue ids; a map shows traffic.requests by country (its site label, if any)
    QString range; // "" follows the page's range; else a range key: 24h, 7d, 30d, 90d, 1y
    int width = 2; // grid columns, 1 to 4
    int height = 1; // grid rows, 1 to 3
};

struct DashboardSpec {
    qint64 id = 0;
    QString name;
    QList<PanelSpec> panels;
};

namespace Dashboards {
inline constexpr int kSchemaVersion = 1;
inline constexpr int kColumns = 4;
const char* kindKey(PanelSpec::Kind kind);
std::optional<PanelSpec::Kind> kindFromKey(const QString& key);
QStringList kindKeys();
// {"schema": 1, "name": ..., "panels": [{"kind", "title", "series", "range", "width", "height"}]}
QJsonObject toJson(const DashboardSpec& spec);
// Checks everything (schema version, kinds, sizes, series id syntax, range keys) and names what is wrong.
std::optional<DashboardSpec> fromJson(const QJsonObject& json, QString* error);
// The same checks on a spec built in the window; empty when it can be saved.
QString check(const DashboardSpec& spec);
} // namespace Dashboards

} // namespace activity
