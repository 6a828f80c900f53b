#include "core/dashboards/dashboardservice.h"

#include "core/dashboards/dashboardstore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DashboardService)
};

QString nameTaken(const QString& name)
{
    return Text::tr("a page named '%1' exists already").arg(name);
}
} // namespace

DashboardService::DashboardService(DbWriter& writer, const Clock& clock)
    : m_writer(writer)
    , m_clock(clock)
{ }

QList<DashboardSpec> DashboardService::list() const
{
    return m_writer.queryValue([](Database& db) { return DashboardStore(db).list(); });
}

std::optional<DashboardSpec> DashboardService::get(qint64 id) const
{
    return m_writer.queryValue([id](Database& db) { return DashboardStore(db).get(id); });
}

Status DashboardService::add(DashboardSpec& spec)
{
    spec.name = spec.name.trimmed();
    if (const QString problem = Dashboards::check(spec); !problem.isEmpty())
        return Error { problem };
    try {
        QString error;
        m_writer.run([&](Database& db) {
            if (DashboardStore(db).byName(spec.name)) {
                error = nameTaken(spec.name);
                return;
            }
            spec.id = DashboardStore(db).add(spec, m_clock.nowSecs());
        });
        return error.isEmpty() ? Status() : Error { error };
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

Status DashboardService::update(const DashboardSpec& spec)
{
    if (const QString problem = Dashboards::check(spec); !problem.isEmpty())
        return Error { problem };
    try {
        QString error;
        m_writer.run([&](Database& db) {
            const auto same = DashboardStore(db).byName(spec.name.trimmed());
            if (same && same->id != spec.id) {
                error = nameTaken(spec.name.trimmed());
                return;
            }
            if (!DashboardStore(db).get(spec.id)) {
                error = Text::tr("no page %1").arg(spec.id);
                return;
            }
            DashboardStore(db).update(spec, m_clock.nowSecs());
        });
        return error.isEmpty() ? Status() : Error { error };
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

Status DashboardService::remove(qint64 id)
{
    try {
        if (!m_writer.call([id](Database& db) { return DashboardStore(db).remove(id); }))
            return Error { Text::tr("no page %1").arg(id) };
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    return {};
}

QByteArray DashboardService::exportJson(const DashboardSpec& spec)
{
    return QJsonDocument(Dashboards::toJson(spec)).toJson(QJsonDocument::Indented);
}

Result<DashboardSpec> DashboardService::importJson(const QByteArray& json)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return Error { Text::tr("not a dashboard file: %1 at byte %2").arg(parse.errorString()).arg(parse.offset) };
    QString error;
    std::optional<DashboardSpec> spec = Dashboards::fromJson(doc.object(), &error);
    if (!spec)
        return Error { error };
    const QString base = spec->name;
    const QList<DashboardSpec> existing = list();
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const DashboardSpec& d : existing)
            taken = taken || d.name == spec->name;
        if (!taken)
            break;
        spec->name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    }
    if (Status added = add(*spec); !added)
        return Error { added.error() };
    return *spec;
}

} // namespace activity
