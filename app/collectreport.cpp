#include "app/collectreport.h"

#include "app/commandcontext.h"
#include "app/desktopnotifier.h"
#include "core/alerts/alertnotifier.h"
#include "core/collect/collectionruntime.h"
#include "core/collect/collectonce.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct CollectAlertsText {
    Q_DECLARE_TR_FUNCTIONS(CollectAlertsText)
};

void tell(CommandContext& ctx, const AlertNotice& n)
{
    ctx.err() << CollectAlertsText::tr("alert %1").arg(AlertMessages::title(n)) << ": " << AlertMessages::text(n)
              << Qt::endl;
    DesktopNotifier::notify(AlertMessages::title(n), AlertMessages::text(n), n.event.severity);
}
} // namespace

void reportTo(CommandContext& ctx, CollectionRuntime& runtime)
{
    QObject::connect(
        &runtime, &CollectionRuntime::warned, &runtime, [&ctx](const QString& line) { ctx.err() << line << Qt::endl; });
    QObject::connect(&runtime, &CollectionRuntime::alerted, &runtime, [&ctx](const AlertNotice& n) { tell(ctx, n); });
}

void reportTo(CommandContext& ctx, CollectOnce& once)
{
    QObject::connect(&once, &CollectOnce::said, &once, [&ctx](const QString& line) { ctx.out() << line << Qt::endl; });
    QObject::connect(
        &once, &CollectOnce::warned, &once, [&ctx](const QString& line) { ctx.err() << line << Qt::endl; });
    QObject::connect(&once, &CollectOnce::alerted, &once, [&ctx](const AlertNotice& n) { tell(ctx, n); });
}

} // namespace activity
