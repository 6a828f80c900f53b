#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `github` source type: a repository or every repository of an organisation, polled through the REST API.
SourceTypeSpec githubType();
// The type's name (sources.type) and the provider of the series it writes (github.stars{repo=...}).
inline QString gitHubTypeName()
{
    return QStringLiteral("github");
}

} // namespace activity
