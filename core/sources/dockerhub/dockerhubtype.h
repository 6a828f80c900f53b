#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `dockerhub` source type: the images of a namespace (or one of them), polled for pulls and stars.
SourceTypeSpec dockerHubType();
// The type's name (sources.type) and the provider of the series it writes (dockerhub.pulls{repo=...}).
inline QString dockerHubTypeName()
{
    return QStringLiteral("dockerhub");
}

} // namespace activity
