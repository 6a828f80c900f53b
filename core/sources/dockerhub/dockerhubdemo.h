#pragma once

#include "core/sources/sourcedemo.h"

namespace activity {

// Docker Hub's part of the demo: three images of a namespace, pulled around the clock; the last poll was rate
// limited.
SourceDemo dockerHubDemo();

} // namespace activity
