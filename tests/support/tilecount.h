#pragma once

#include "ui/widgets/metrictile.h"

#include <QLatin1Char>
#include <QString>

namespace activity {

// The count a tile shows as a number ("12,345" in the C locale the tests run in).
inline qint64 tileCount(const MetricTile* tile)
{
    QString text = tile->value();
    return text.remove(QLatin1Char(',')).toLongLong();
}

} // namespace activity
