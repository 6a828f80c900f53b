#pragma once

#include "core/query/queryrunner.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/storage/dbwriter.h"
#include "ui/sources/sourcepanel.h"

#include <QSignalSpy>
#include <QTest>
#include <functional>

using namespace activity;

// The Sources panel as the window builds it: the sources service on a writer thread, the list read by a query
// runner. apply() waits for a change asked of the panel to be written and the list to be read again.
struct PanelHarness {
    PanelHarness(const QString& path, const Clock& clock)
        : writer(path)
        , runner(path, 0)
        , sources(writer, registry, clock)
        , panel(sources, runner, clock)
    {
        QSignalSpy refreshed(&panel, &SourcePanel::refreshed);
        refreshed.wait(5000);
    }

    // What the request refused, else the write's error (empty when written); `id`: the source changed.
    QString apply(const std::function<QString()>& request, qint64* id = nullptr)
    {
        QSignalSpy finished(&panel, &SourcePanel::changeFinished);
        QSignalSpy refreshed(&panel, &SourcePanel::refreshed);
        if (const QString refused = request(); !refused.isEmpty())
            return refused;
        if (finished.isEmpty() && !finished.wait(10000))
            return QStringLiteral("no answer from the writer");
        if (id)
            *id = finished.first().at(0).toLongLong();
        const QString error = finished.first().at(1).toString();
        if (error.isEmpty() && !QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, 5000))
            return QStringLiteral("the list was not read again");
        return error;
    }

    DbWriter writer;
    SourceRegistry registry;
    QueryRunner runner;
    SourceService sources;
    SourcePanel panel;
};
