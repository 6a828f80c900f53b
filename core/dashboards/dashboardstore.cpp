#include "core/dashboards/dashboardstore.h"

#include "core/storage/database.h"

#include <QJsonDocument>

namespace activity {

namespace {
std::optional<DashboardSpec> fromRow(Statement& st)
{
    QString ignored;
    std::optional<DashboardSpec> spec
        = Dashboards::fromJson(QJsonDocument::fromJson(st.text(2).toUtf8()).object(), &ignored);
    if (!spec) // written by this program, so only a newer one could make it unreadable: shown empty, kept as is
        spec = DashboardSpec {};
    spec->id = st.int64(0);
    spec->name = st.text(1);
    return spec;
}

QString specText(const DashboardSpec& spec)
{
    return QString::fromUtf8(QJsonDocument(Dashboards::toJson(spec)).toJson(QJsonDocument::Compact));
}
} // namespace

QList<DashboardSpec> DashboardStore::list()
{
    Statement st = m_db.prepare("SELECT id, name, spec FROM dashboards ORDER BY id");
    QList<DashboardSpec> out;
    while (st.step())
        out.append(*fromRow(st));
    return out;
}

std::optional<DashboardSpec> DashboardStore::get(qint64 id)
{
    Statement st = m_db.prepare("SELECT id, name, spec FROM dashboards WHERE id = ?");
    st.bind(1, id);
    return st.step() ? fromRow(st) : std::nullopt;
}

std::optional<DashboardSpec> DashboardStore::byName(const QString& name)
{
    Statement st = m_db.prepare("SELECT id, name, spec FROM dashboards WHERE name = ?");
    st.bind(1, name);
    return st.step() ? fromRow(st) : std::nullopt;
}

qint64 DashboardStore::add(const DashboardSpec& spec, qint64 now)
{
    Statement st = m_db.prepare("INSERT INTO dashboards(name, spec, created_at, updated_at) VALUES (?, ?, ?, ?)");
    st.bind(1, spec.name.trimmed()).bind(2, specText(spec)).bind(3, now).bind(4, now).exec();
    return m_db.lastInsertId();
}

void DashboardStore::update(const DashboardSpec& spec, qint64 now)
{
    Statement st = m_db.prepare("UPDATE dashboards SET name = ?, spec = ?, updated_at = ? WHERE id = ?");
    st.bind(1, spec.name.trimmed()).bind(2, specText(spec)).bind(3, now).bind(4, spec.id).exec();
}

bool DashboardStore::remove(qint64 id)
{
    Statement st = m_db.prepare("DELETE FROM dashboards WHERE id = ?");
    st.bind(1, id).exec();
    return m_db.changes() > 0;
}

} // namespace activity
