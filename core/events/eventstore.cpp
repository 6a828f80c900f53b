#include "core/events/eventstore.h"

#include "core/alerts/alertstore.h"
#include "core/storage/database.h"

#include <algorithm>

namespace activity {

namespace {
constexpr int kAlertEventLimit = 100000;

// A null QString binds as NULL; the columns hold '' for "none".
QString orEmpty(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

ProjectEvent fromRow(Statement& st)
{
    return { st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5) };
}
} // namespace

qint64 EventStore::addNote(qint64 ts, const QString& text, const QString& url, qint64 now)
{
    Statement st
        = m_db.prepare("INSERT INTO events(ts, kind, source, title, url, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, ts)
        .bind(2, QString::fromLatin1(ProjectEvents::kNote))
        .bind(3, QString::fromLatin1(ProjectEvents::kNote))
        .bind(4, text)
        .bind(5, orEmpty(url))
        .bind(6, now)
        .exec();
    return m_db.lastInsertId();
}

bool EventStore::removeNote(qint64 id)
{
    Statement st = m_db.prepare("DELETE FROM events WHERE id = ? AND kind = ?");
    st.bind(1, id).bind(2, QString::fromLatin1(ProjectEvents::kNote)).exec();
    return m_db.changes() > 0;
}

QList<ProjectEvent> EventStore::notes()
{
    Statement st = m_db.prepare("SELECT id, ts, kind, source, title, url FROM events WHERE kind = ? ORDER BY ts, id");
    st.bind(1, QString::fromLatin1(ProjectEvents::kNote));
    QList<ProjectEvent> out;
    while (st.step())
        out.append(fromRow(st));
    return out;
}

namespace {
// The key is unique per source and kind: the same tag name in two repositories is two events.
QString identityOf(qint64 sourceId, const QString& kind, const QString& source, const QString& key)
{
    return QStringLiteral("%1\n%2\n%3\n%4").arg(sourceId).arg(kind, source, key);
}
} // namespace

void EventStore::forget(qint64 sourceId, const QString& kind, const QString& source, const QString& key)
{
    Statement st = m_db.prepare("DELETE FROM events WHERE ext_key = ?");
    st.bind(1, identityOf(sourceId, kind, source, key)).exec();
}

void EventStore::record(qint64 sourceId, const QString& key, const ProjectEvent& event, qint64 now)
{
    const QString identity = identityOf(sourceId, event.kind, event.source, key);
    Statement st = m_db.prepare(
        "INSERT INTO events(ts, kind, source, title, url, source_id, ext_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "?) "
        "ON CONFLICT(ext_key) DO UPDATE SET ts = excluded.ts, title = excluded.title, url = excluded.url");
    st.bind(1, event.ts)
        .bind(2, event.kind)
        .bind(3, event.source)
        .bind(4, orEmpty(event.title))
        .bind(5, orEmpty(event.url))
        .bind(6, sourceId)
        .bind(7, identity)
        .bind(8, now)
        .exec();
}

QList<ProjectEvent> EventStore::between(qint64 from, qint64 to)
{
    QList<ProjectEvent> out;
    Statement st
        = m_db.prepare("SELECT id, ts, kind, source, title, url FROM events WHERE ts >= ? AND ts < ? ORDER BY ts, id");
    st.bind(1, from).bind(2, to);
    while (st.step())
        out.append(fromRow(st));
    for (const AlertEvent& a : AlertStore(m_db).historyBetween(from, to, kAlertEventLimit)) {
        if (a.event != QLatin1String("firing") && a.event != QLatin1String("resolved"))
            continue; // "repeat" is a reminder, not a change
        const bool fired = a.event == QLatin1String("firing");
        out.append({ 0, a.ts, QLatin1String(fired ? ProjectEvents::kAlertFired : ProjectEvents::kAlertResolved),
            a.ruleName, a.message, QString() });
    }
    const QStringList order = ProjectEvents::kinds();
    std::stable_sort(out.begin(), out.end(), [&order](const ProjectEvent& a, const ProjectEvent& b) {
        if (a.ts != b.ts)
            return a.ts < b.ts;
        return order.indexOf(a.kind) < order.indexOf(b.kind);
    });
    return out;
}

void EventStore::purgeSource(qint64 sourceId)
{
    Statement st = m_db.prepare("DELETE FROM events WHERE source_id = ?");
    st.bind(1, sourceId).exec();
}

} // namespace activity
