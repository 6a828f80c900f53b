#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `http-json` source type: any JSON API, read through named JSON Pointers.
SourceTypeSpec httpJsonSpec();
// The type's name in sources.type.
inline QString httpJsonTypeName()
{
    return QStringLiteral("http-json");
}

} // namespace activity
