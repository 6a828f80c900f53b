#include "core/ingest/visitorsets.h"

#include <QtEndian>
#include <algorithm>

namespace activity {

VisitorSets::VisitorSets(Database& db, size_t limit)
    : m_db(db)
    , m_limit(limit)
    , m_insertVisitor(db.prepare("INSERT OR IGNORE INTO visitors(day, site_id, h) VALUES(?, ?, ?)"))
    , m_insertChunk(db.prepare("INSERT INTO visitor_sets(day, site_id, seq, hashes) VALUES(?, ?, ?, ?)"))
{ }

void VisitorSets::forgetDays()
{
    m_days.clear();
    m_lastDay = nullptr;
    m_lastDayKey = { -1, -1 };
    m_cached = 0;
}

void VisitorSets::clear()
{
    forgetDays();
    m_new.clear();
}

VisitorSets::Day& VisitorSets::day(qint64 day, qint64 site)
{
    const std::pair key { day, site };
    if (m_lastDay && key == m_lastDayKey)
        return *m_lastDay;
    auto [it, added] = m_days.try_emplace(key);
    Day& d = it->second;
    if (added) {
        Statement rows = m_db.prepare("SELECT h FROM visitors WHERE day = ? AND site_id = ?");
        rows.bind(1, day).bind(2, site);
        bool hadRows = false;
        while (rows.step()) {
            d.seen.insert(quint64(rows.int64(0)));
            hadRows = true;
        }
        Statement chunks = m_db.prepare("SELECT seq, hashes FROM visitor_sets WHERE day = ? AND site_id = ?");
        chunks.bind(1, day).bind(2, site);
        while (chunks.step()) {
            d.lastSeq = qMax(d.lastSeq, chunks.int64(0));
            ++d.chunks;
            const QByteArrayView chunk = chunks.bytes(1);
            const auto* data = reinterpret_cast<const uchar*>(chunk.data());
            const int bytes = int(chunk.size());
            for (int i = 0; i + 8 <= bytes; i += 8)
                d.seen.insert(qFromLittleEndian<quint64>(data + i));
        }
        if (d.seen.size() > m_limit) {
            moveDayToRows(day, site, d);
        } else if (hadRows) {
            // Rows from version 2: the day becomes one chunk, so nothing is stored twice.
            Statement dropRows = m_db.prepare("DELETE FROM visitors WHERE day = ? AND site_id = ?");
            dropRows.bind(1, day).bind(2, site).exec();
            Statement dropChunks = m_db.prepare("DELETE FROM visitor_sets WHERE day = ? AND site_id = ?");
            dropChunks.bind(1, day).bind(2, site).exec();
            d.chunks = 0;
            std::vector<quint64> all;
            d.seen.forEach([&](quint64 h) { all.push_back(h); });
            writeChunk(day, site, d, all);
        }
        m_cached += d.seen.size();
    }
    d.lastUse = ++m_useTick;
    m_lastDay = &d;
    m_lastDayKey = key;
    if (m_cached > m_limit)
        evict();
    return d;
}

void VisitorSets::evict()
{
    // Pending visitors go to the table first: a day loaded again must find them there.
    write();
    while (m_cached > m_limit / 2 && m_days.size() > 1) {
        auto oldest = m_days.end();
        for (auto it = m_days.begin(); it != m_days.end(); ++it)
            if (&it->second != m_lastDay && (oldest == m_days.end() || it->second.lastUse < oldest->second.lastUse))
                oldest = it;
        if (oldest == m_days.end())
            break;
        m_cached -= oldest->second.seen.size();
        m_days.erase(oldest);
    }
}

bool VisitorSets::firstVisit(qint64 day, qint64 site, qint64 hash)
{
    Day& d = this->day(day, site);
    if (d.inTableOnly) {
        // Run now, not queued: whether the row was new is the answer (PostgreSQL counts no queued change).
        m_insertVisitor.bind(1, day).bind(2, site).bind(3, hash).exec();
        return m_db.changes() > 0;
    }
    if (!d.seen.insert(quint64(hash)))
        return false;
    m_new.push_back({ day, site, hash });
    if (d.seen.size() > m_limit) {
        write();
        m_cached -= d.seen.size() - 1;
        moveDayToRows(day, site, d);
    } else if (++m_cached > m_limit) {
        evict();
    }
    return true;
}

void VisitorSets::moveDayToRows(qint64 day, qint64 site, Day& d)
{
    // Rare (a site with millions of visitors a day): from now on each visitor is a row the table answers for.
    d.seen.forEach([&](quint64 h) { m_insertVisitor.bind(1, day).bind(2, site).bind(3, qint64(h)).execQueued(); });
    Statement drop = m_db.prepare("DELETE FROM visitor_sets WHERE day = ? AND site_id = ?");
    drop.bind(1, day).bind(2, site).exec();
    d.seen.clear();
    d.inTableOnly = true;
    d.chunks = 0;
}

void VisitorSets::writeChunk(qint64 day, qint64 site, Day& d, const std::vector<quint64>& hashes)
{
    QByteArray blob(qsizetype(hashes.size() * 8), Qt::Uninitialized);
    auto* out = reinterpret_cast<uchar*>(blob.data());
    for (size_t i = 0; i < hashes.size(); ++i)
        qToLittleEndian(hashes[i], out + 8 * i);
    m_insertChunk.bind(1, day).bind(2, site).bind(3, ++d.lastSeq).bind(4, blob).execQueued();
    ++d.chunks;
}

void VisitorSets::write()
{
    // One chunk per (day, site) and commit. A day that collected many chunks (a long `collect` commits every
    // second) is rewritten as one, from the set in memory.
    constexpr int kChunksBeforeMerge = 64;
    std::sort(m_new.begin(), m_new.end());
    std::vector<quint64> hashes;
    for (size_t i = 0; i < m_new.size();) {
        const qint64 day = m_new[i].day;
        const qint64 site = m_new[i].site;
        hashes.clear();
        for (; i < m_new.size() && m_new[i].day == day && m_new[i].site == site; ++i)
            hashes.push_back(quint64(m_new[i].hash));
        const auto it = m_days.find({ day, site });
        if (it == m_days.end() || it->second.inTableOnly) {
            for (const quint64 h : hashes) // cannot happen (evicting writes first); stay correct anyway
                m_insertVisitor.bind(1, day).bind(2, site).bind(3, qint64(h)).execQueued();
            continue;
        }
        Day& d = it->second;
        if (d.chunks + 1 >= kChunksBeforeMerge) {
            Statement drop = m_db.prepare("DELETE FROM visitor_sets WHERE day = ? AND site_id = ?");
            drop.bind(1, day).bind(2, site).exec();
            d.chunks = 0;
            hashes.clear();
            d.seen.forEach([&](quint64 h) { hashes.push_back(h); });
        }
        writeChunk(day, site, d, hashes);
    }
    m_new.clear();
}

} // namespace activity
