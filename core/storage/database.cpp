#include "core/storage/database.h"

#include "core/storage/postgres/pgconnection.h"
#include "core/storage/sqlite/sqliteconnection.h"
#include "core/storage/storeurl.h"
#include "core/util/logging.h"

#include <QLoggingCategory>

namespace activity {

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    m_impl->bindText(index, utf8.constData(), int(utf8.size()), true);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    if (value.isNull())
        return bindNull(index);
    m_impl->bindBlob(index, value.constData(), int(value.size()), true);
    return *this;
}

Statement& Statement::bind(int index, const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool:
        return bind(index, value.toLongLong());
    case QMetaType::Double:
        return bind(index, value.toDouble());
    case QMetaType::QByteArray:
        return bind(index, value.toByteArray());
    default:
        return bind(index, value.toString());
    }
}

QString Statement::text(int column) const
{
    if (isNull(column))
        return {};
    const QByteArrayView data = bytes(column);
    return QString::fromUtf8(data.data(), data.size());
}

QByteArray Statement::blob(int column) const
{
    const QByteArrayView data = bytes(column);
    return data.isNull() ? QByteArray() : data.toByteArray();
}

QVariant Statement::value(int column) const
{
    switch (m_impl->type(column)) {
    case PreparedStatement::Type::Integer:
        return int64(column);
    case PreparedStatement::Type::Real:
        return real(column);
    case PreparedStatement::Type::Text:
        return text(column);
    case PreparedStatement::Type::Blob:
        return blob(column);
    case PreparedStatement::Type::Null:
        break;
    }
    return {};
}

namespace {
std::unique_ptr<Connection> connect(const QString& store, Database::Mode mode)
{
    if (StoreUrl::isPostgres(store)) {
        auto pg = std::make_unique<PgConnection>(store);
        if (mode == Database::Mode::ReadOnly)
            pg->remember("SET default_transaction_read_only = on");
        return pg;
    }
    return std::make_unique<SqliteConnection>(StoreUrl::sqlitePath(store),
        mode == Database::Mode::ReadOnly ? SqliteConnection::Mode::ReadOnly : SqliteConnection::Mode::ReadWrite);
}
} // namespace

Database::Database(const QString& store, Mode mode)
    : m_connection(connect(store, mode))
{ }

Database::Database(std::unique_ptr<Connection> connection)
    : m_connection(std::move(connection))
{ }

Database::~Database() = default;

bool Database::mayWrite()
{
    if (!isPostgres())
        return true;
    return queryInt("SELECT has_table_privilege('sources', 'INSERT')::int").value_or(0) != 0;
}

qint64 Database::sizeBytes()
{
    return queryInt(isPostgres() ? "SELECT pg_database_size(current_database())"
                                 : "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        .value_or(0);
}

SqliteConnection* Database::sqlite() const
{
    return dynamic_cast<SqliteConnection*>(m_connection.get());
}

std::optional<qint64> Database::queryInt(const char* sql)
{
    Statement statement = prepare(sql);
    if (!statement.step() || statement.isNull(0))
        return std::nullopt;
    return statement.int64(0);
}

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_joined(db.inTransaction())
{
    if (!m_joined)
        m_db.beginWrite();
}

Transaction::~Transaction()
{
    if (!m_done && !m_joined) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const DatabaseError& e) { // nothing more to do while unwinding
            qCWarning(lcStorage) << "rollback failed:" << e.message();
        }
    }
}

void Transaction::commit()
{
    if (!m_joined)
        m_db.exec("COMMIT");
    m_done = true;
}

} // namespace activity
