#include "ui/widgets/accessiblenames.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QTableView>

namespace activity {

void nameTable(QTableView* view, const QString& name)
{
    view->setAccessibleName(name);
    view->horizontalHeader()->setAccessibleName(QCoreApplication::translate("Accessibility", "%1: columns").arg(name));
}

} // namespace activity
