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
    return m_writer.queryValue([](Database& db) { return DashboardStore::list(db); });
}

std::optional<DashboardSpec> DashboardService::get(qint64 id) const
{
    return m_writer.queryValue([id](Database& db) { return DashboardStore::get(db, id); });
}

QString DashboardService::add(DashboardSpec& spec)
{
    spec.name = spec.name.trimmed();
    if (const QString problem = Dashboards::check(spec); !problem.isEmpty())
        return problem;
    try {
        QString error;
        m_writer.run([&](Database& db) {
            if (DashboardStore::byName(db, spec.name)) {
                error = nameTaken(spec.name);
                return;
            }
            spec.id = DashboardStore::add(db, spec, m_clock.nowSecs());
        });
        return error;
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

QString DashboardService::update(const DashboardSpec& spec)
{
    if (const QString problem = Dashboards::check(spec); !problem.isEmpty())
        return problem;
    try {
        QString error;
        m_writer.run([&](Database& db) {
            const auto same = DashboardStore::byName(db, spec.name.trimmed());
            if (same && same->id != spec.id) {
                error = nameTaken(spec.name.trimmed());
                return;
            }
            if (!DashboardStore::get(db, spec.id)) {
                error = Text::tr("no page %1").arg(spec.id);
                return;
            }
            DashboardStore::update(db, spec, m_clock.nowSecs());
        });
        return error;
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

QString DashboardService::remove(qint64 id)
{
    try {
        return m_writer.call([id](Database& db) { return DashboardStore::remove(db, id); })
            ? QString()
            : Text::tr("no page %1").arg(id);
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

QByteArray DashboardService::exportJson(const DashboardSpec& spec)
{
    return QJsonDocument(Dashboards::toJson(spec)).toJson(QJsonDocument::Indented);
}

QString DashboardService::importJson(const QByteArray& json, DashboardSpec* imported)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return Text::tr("not a dashboard file: %1 at byte %2").arg(parse.errorString()).arg(parse.offset);
    QString error;
    std::optional<DashboardSpec> spec = Dashboards::fromJson(doc.object(), &error);
    if (!spec)
        return error;
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
    if (QString problem = add(*spec); !problem.isEmpty())
        return problem;
    if (imported)
        *imported = *spec;
    return {};
}

} // namespace activity
