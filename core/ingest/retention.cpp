#include "core/ingest/retention.h"

#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"

namespace activity {

Retention::Retention(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{ }

bool Retention::refresh()
{
    const qint64 now = m_clock.nowSecs();
    if (m_lastRead >= 0 && now - m_lastRead < 3600)
        return false;
    m_lastRead = now;
    m_topKeys = AppSettings::topKeys(m_db);
    m_cutoff = now - qint64(AppSettings::retentionDays(m_db)) * 86400;
    m_rowsLeft = true;
    return true;
}

qint64 Retention::apply()
{
    refresh();
    qint64 deleted = 0;
    if (m_rowsLeft) {
        // Whole months first where the engine keeps them apart (PostgreSQL's partitions): no row by row.
        deleted += m_db.dropRequestsBefore(RequestKeys::firstId(m_cutoff));
        // A day of a busy site is millions of rows: deleted a slice per transaction.
        constexpr qint64 kRowsPerCall = 20'000;
        Statement requests = m_db.prepare(
            "DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE id < ? ORDER BY id LIMIT ?)");
        requests.bind(1, RequestKeys::firstId(m_cutoff)).bind(2, kRowsPerCall).exec();
        const qint64 rows = m_db.changes();
        deleted += rows;
        m_rowsLeft = rows >= kRowsPerCall;
    }
    // Visitor sets stay (8 bytes a visitor and day): a day's lines may still arrive (an old log imported in
    // parts), and each visitor must count once however they come.
    if (!m_rowsLeft)
        collectStrings();
    return deleted;
}

void Retention::collectStrings()
{
    // Strings last used by a row of a day before the cutoff day are used by no row left: a slice of ids per
    // transaction, once per cutoff day. A writer that cached a collected string notices when it touches it.
    const qint64 cutoffDay = m_cutoff / 86400;
    if (m_stringsCollectedFor >= cutoffDay)
        return;
    constexpr qint64 kIdsPerCall = 20'000;
    Statement slice
        = m_db.prepare("SELECT max(id) FROM (SELECT id FROM strings WHERE id > ? ORDER BY id LIMIT ?) AS slice");
    slice.bind(1, m_stringCursor).bind(2, kIdsPerCall);
    const qint64 end = slice.step() && !slice.isNull(0) ? slice.int64(0) : -1;
    slice.reset();
    if (end < 0) { // went through them all
        m_stringsCollectedFor = cutoffDay;
        m_stringCursor = 0;
        return;
    }
    Statement drop = m_db.prepare("DELETE FROM strings WHERE id > ? AND id <= ? AND last_day < ?");
    drop.bind(1, m_stringCursor).bind(2, end).bind(3, cutoffDay).exec();
    m_stringCursor = end;
}

} // namespace activity
