#pragma once

#include <QCoreApplication>
#include <exception>

namespace activity {

// The top-level handler: an exception that escapes an event handler (on any thread's event loop) is logged
// and ends the program through its normal exit path (collection flushed, lock released) with status 70,
// instead of unwinding through Qt and aborting.
void reportEscapedException(const char* what);

template <typename Base> class GuardedApplication final : public Base {
public:
    GuardedApplication(int& argc, char** argv)
        : Base(argc, argv)
    { }
    bool notify(QObject* receiver, QEvent* event) override
    {
        try {
            return Base::notify(receiver, event);
        } catch (const std::exception& e) {
            reportEscapedException(e.what());
        } catch (...) {
            reportEscapedException("unknown exception");
        }
        return false;
    }
};

} // namespace activity
