#include "core/storage/storeurl.h"

#include "core/secrets/secretmask.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct StoreText {
    Q_DECLARE_TR_FUNCTIONS(StoreUrl)
};
} // namespace

bool StoreUrl::isPostgres(const QString& store)
{
    return store.startsWith(QLatin1String("postgresql://")) || store.startsWith(QLatin1String("postgres://"));
}

QString StoreUrl::sqlitePath(const QString& store)
{
    if (isPostgres(store))
        return {};
    return store.startsWith(QLatin1String("sqlite:")) ? store.mid(7) : store;
}

QString StoreUrl::problem(const QString& store)
{
    if (store.trimmed().isEmpty())
        return StoreText::tr("the store is empty: give sqlite:PATH or postgresql://USER@HOST:PORT/DB");
    if (isPostgres(store))
        return {};
    const int colon = store.indexOf(QLatin1Char(':'));
    // "C:\..." is a path; "mysql://..." is a store this program does not know.
    if (colon > 1 && store.mid(colon, 3) == QLatin1String("://"))
        return StoreText::tr("unknown store '%1': give sqlite:PATH or postgresql://USER@HOST:PORT/DB")
            .arg(shown(store));
    if (sqlitePath(store).isEmpty())
        return StoreText::tr("the store 'sqlite:' names no file");
    return {};
}

QString StoreUrl::shown(const QString& store)
{
    return store.contains(QLatin1String("://")) ? SecretMask::url(store) : store;
}

} // namespace activity
