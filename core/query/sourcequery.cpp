#include "core/query/sourcequery.h"

#include "core/sources/sourceservice.h"
#include "core/storage/database.h"
#include "core/storage/rollupschema.h"

namespace activity {

int SourceQuery::countOfType(Database& db, const QString& type)
{
    Statement st = db.prepare("SELECT count(*) FROM sources WHERE type = ?");
    st.bind(1, type);
    return st.step() ? int(st.int64(0)) : 0;
}

SourceQuery::LogPresence SourceQuery::logPresence(Database& db)
{
    LogPresence p;
    p.logSources = countOfKind(db, SourceKind::Log);
    // Day rollups stay after the raw rows' retention.
    Statement st = db.prepare("SELECT min(bucket) FROM rollups WHERE period = 86400 AND dim = ?");
    st.bind(1, QString::fromLatin1(Rollup::name(Rollup::Dim::Total)));
    p.anyRequestEver = st.step() && !st.isNull(0);
    if (p.anyRequestEver)
        p.firstDaySecs = st.int64(0);
    return p;
}

int SourceQuery::countOfKind(Database& db, SourceKind kind)
{
    int n = 0;
    for (const QString& type : SourceRegistry::builtIn().typeNames(kind))
        n += countOfType(db, type);
    return n;
}

QList<SourceRecord> SourceQuery::list(Database& db)
{
    return SourceService::read(db);
}

} // namespace activity
