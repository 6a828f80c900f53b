#pragma once

#include <QByteArray>
#include <QStringList>
#include <functional>

namespace activity {

// The few SQLite forms the stores and queries use, written for PostgreSQL, so that one statement serves both
// engines: INSERT OR IGNORE / OR REPLACE become ON CONFLICT clauses, scalar max(a, b) and min(a, b) become
// GREATEST and LEAST, LIKE (case-blind for ASCII in SQLite) becomes ILIKE, ifnull becomes coalesce. Text inside
// quotes is never changed. Placeholders are left as they are (PgConnection turns them into $N).
namespace PgDialect {
// `primaryKey` names a table's key columns (for OR REPLACE).
using KeyLookup = std::function<QStringList(const QString& table)>;
QByteArray translate(const QByteArray& sql, const KeyLookup& primaryKey);
} // namespace PgDialect

} // namespace activity
