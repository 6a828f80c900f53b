#include "core/events/eventservice.h"

#include "core/events/eventstore.h"
#include "core/storage/database.h"
#include "core/storage/databaseerror.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QUrl>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(EventService)
};
} // namespace

EventService::EventService(DbWriter& writer, const Clock& clock)
    : m_writer(writer)
    , m_clock(clock)
{ }

Result<qint64> EventService::addNote(qint64 ts, const QString& text, const QString& url)
{
    const QString note = text.simplified();
    if (note.isEmpty())
        return Error { Text::tr("the note's text is empty") };
    if (note.size() > kMaxNoteLength)
        return Error {
            Text::tr("the note's text is %1 characters long; at most %2").arg(note.size()).arg(kMaxNoteLength)
        };
    const QString link = url.trimmed();
    if (!link.isEmpty()) {
        const QUrl parsed(link, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
            || parsed.host().isEmpty())
            return Error { Text::tr("the note's URL '%1' is not an http:// or https:// address").arg(link) };
    }
    if (ts <= 0)
        return Error { Text::tr("the note's time must be after 1970") };
    try {
        return m_writer.call([&](Database& db) { return EventStore(db).addNote(ts, note, link, m_clock.nowSecs()); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

Status EventService::removeNote(qint64 id)
{
    try {
        if (!m_writer.call([id](Database& db) { return EventStore(db).removeNote(id); }))
            return Error { Text::tr("no note %1 (see `notes list`)").arg(id) };
        return {};
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

Result<QList<ProjectEvent>> EventService::notes() const
{
    try {
        return m_writer.queryValue([](Database& db) { return EventStore(db).notes(); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

Result<QList<ProjectEvent>> EventService::between(qint64 from, qint64 to) const
{
    try {
        return m_writer.queryValue([from, to](Database& db) { return EventStore(db).between(from, to); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

} // namespace activity
