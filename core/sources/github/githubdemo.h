#pragma once

#include "core/sources/sourcedemo.h"

namespace activity {

// GitHub's part of the demo: an organisation of three repositories, stars with a release's burst a month ago.
SourceDemo gitHubDemo();

} // namespace activity
