#include "app/commandcontext.h"

#include "core/collect/collectorstore.h"
#include "core/sources/sourceservice.h"
#include "core/storage/database.h"
#include "core/storage/datadir.h"
#include "core/storage/dbwriter.h"
#include "core/storage/storeurl.h"

namespace activity {

CommandContext::CommandContext(QString dataDir, QString store, QTextStream& out, QTextStream& err)
    : m_dataDir(std::move(dataDir))
    , m_store(std::move(store))
    , m_out(out)
    , m_err(err)
{ }

CommandContext::~CommandContext()
{
    m_collect.reset();
    m_sources.reset();
    m_writer.reset(); // runs what is queued before the connection below closes
}

QString CommandContext::databasePath() const
{
    if (m_store.isEmpty())
        return DataDir::databasePath(m_dataDir);
    return StoreUrl::isPostgres(m_store) ? m_store : StoreUrl::sqlitePath(m_store);
}

QString CommandContext::storeShown() const
{
    return StoreUrl::shown(databasePath());
}

QString CommandContext::collectorName() const
{
    return m_collectorName.isEmpty() ? CollectorStore::defaultName() : m_collectorName;
}

bool CommandContext::isPostgres() const
{
    return StoreUrl::isPostgres(m_store);
}

Database* CommandContext::database()
{
    if (m_db)
        return m_db.get();
    if (!writer()) // opens (and migrates) the database first
        return nullptr;
    try {
        m_db = std::make_unique<Database>(databasePath());
    } catch (const DatabaseError& e) {
        fail(e.message());
        return nullptr;
    }
    return m_db.get();
}

DbWriter* CommandContext::writer()
{
    if (m_writer)
        return m_writer.get();
    if (const QString problem = DataDir::ensure(m_dataDir); !problem.isEmpty()) {
        fail(problem);
        return nullptr;
    }
    auto writer = std::make_unique<DbWriter>(databasePath());
    if (const QString error = writer->openError(); !error.isEmpty()) {
        fail(error);
        return nullptr;
    }
    m_writer = std::move(writer);
    return m_writer.get();
}

SourceService* CommandContext::sources()
{
    if (!m_sources && writer())
        m_sources = std::make_unique<SourceService>(*m_writer, m_registry, m_clock);
    return m_sources.get();
}

const CollectContext* CommandContext::collectContext()
{
    if (!m_collect && database())
        m_collect.reset(
            new CollectContext { m_dataDir, databasePath(), *m_db, *m_writer, m_clock, m_registry, collectorName() });
    return m_collect.get();
}

int CommandContext::fail(const QString& message, int status)
{
    m_err << "activity-dashboard: " << message << Qt::endl;
    m_lastFailure = message;
    return status;
}

} // namespace activity
