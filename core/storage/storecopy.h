#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <functional>

namespace activity {

// Copies one store into another (SQLite to PostgreSQL and back): every table of the schema, in an order that
// keeps references whole, in batches of one transaction each. Rows already in the target (an earlier copy that
// was interrupted) are kept, not doubled, so running it again goes on from where it stopped. At the end every
// table's rows are counted on both sides. Both stores are brought to this program's schema first.
namespace StoreCopy {
struct Progress {
    QString table;
    qint64 doneRows = 0;
    qint64 totalRows = 0;
};
struct TableCount {
    QString table;
    qint64 rows = 0;
};
struct Outcome {
    QList<TableCount> tables;
    qint64 totalRows = 0;
};
Result<Outcome> run(const QString& from, const QString& to, const std::function<void(const Progress&)>& progress);
// The tables copied, parents before children.
QStringList tables();
} // namespace StoreCopy

} // namespace activity
