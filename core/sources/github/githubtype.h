#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `github` source type: a repository or every repository of an organisation, polled through the REST API.
SourceTypeSpec githubType();

} // namespace activity
