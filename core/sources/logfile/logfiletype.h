#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `logfile` source type: an nginx access log followed like tail -F, on this machine or over SSH.
SourceTypeSpec logfileType();
// The type's name in sources.type.
inline QString logfileTypeName()
{
    return QStringLiteral("logfile");
}

} // namespace activity
