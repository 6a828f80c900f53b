#pragma once

#include "ui/pages/dashboardpage.h"

#include <QSignalSpy>

namespace activity {

// Reloads `page` and waits until its queries have answered; false after 15 s.
inline bool reloadAndWait(DashboardPage& page)
{
    QSignalSpy loaded(&page, &DashboardPage::loaded);
    page.reloadNow();
    return !page.isLoading() || loaded.wait(15000);
}

// Shown at 1280x800 and loaded, as a user first sees it.
inline bool showLoaded(DashboardPage& page)
{
    page.setEagerLoading(true);
    page.resize(1280, 800);
    page.show();
    return reloadAndWait(page);
}

} // namespace activity
