// Placeholders until each part lands; each owner replaces its function in its own file.
#include "app/reportparts.h"

QString writeTrafficReport(Database&, const ReportRange&, const QString&)
{
    return {};
}
