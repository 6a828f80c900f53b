#pragma once

#include <QString>

class QTableView;

namespace activity {

// What a screen reader calls a table and its column header row ("Sources", "Sources: columns").
void nameTable(QTableView* view, const QString& name);

} // namespace activity
