#pragma once

#include <QString>
#include <memory>

class QLockFile;

namespace activity {

// One collector per data folder: `collect` and a window that collects take DATA_DIR/collect.lock, so two
// never bind the same listeners or spend the same rate limit twice. A crashed holder's lock is taken over
// (QLockFile checks whether its process still runs). Null with a message naming the holder when taken.
std::unique_ptr<QLockFile> lockCollection(const QString& dataDir, QString* error);

} // namespace activity
