#pragma once

namespace activity {

// SIGINT and SIGTERM end the event loop with exit status 0 (through a self-pipe: only write() is safe in a
// handler), so `collect` and the window flush what they received, save positions and release their lock.
// Call once, after the application object exists.
void quitOnSignals();

} // namespace activity
