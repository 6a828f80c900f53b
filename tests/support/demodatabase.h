#pragma once

#include "core/demo/demodata.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QString>

namespace activity {

// A database filled with `days` days of demo data ending at `nowSecs` (the window tests' usual fixture).
inline void makeDemoDatabase(const QString& path, qint64 nowSecs, int days, int requestsPerDay)
{
    Database db(path);
    Migrations::migrate(db);
    DemoOptions options;
    options.nowSecs = nowSecs;
    options.days = days;
    options.requestsPerDay = requestsPerDay;
    DemoData::generate(db, options);
}

} // namespace activity
