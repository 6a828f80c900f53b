#pragma once

#include "core/sources/sourceregistry.h"

namespace activity {

// The `dockerhub` source type: the images of a namespace (or one of them), polled for pulls and stars.
SourceTypeSpec dockerHubType();

} // namespace activity
