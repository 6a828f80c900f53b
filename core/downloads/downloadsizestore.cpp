#include "core/downloads/downloadsizestore.h"

#include "core/storage/database.h"

namespace activity {

void DownloadSizeStore::set(const QString& path, qint64 bytes, qint64 now)
{
    Statement st = m_db.prepare("INSERT OR REPLACE INTO download_sizes(path, bytes, set_at) VALUES (?, ?, ?)");
    st.bind(1, path).bind(2, bytes).bind(3, now);
    st.exec();
}

bool DownloadSizeStore::remove(const QString& path)
{
    Statement st = m_db.prepare("DELETE FROM download_sizes WHERE path = ?");
    st.bind(1, path);
    st.exec();
    return m_db.changes() > 0;
}

QHash<QString, qint64> DownloadSizeStore::all()
{
    QHash<QString, qint64> out;
    Statement st = m_db.prepare("SELECT path, bytes FROM download_sizes");
    while (st.step())
        out.insert(st.text(0), st.int64(1));
    return out;
}

} // namespace activity
