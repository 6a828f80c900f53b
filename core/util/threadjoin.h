#pragma once

#include <QThread>

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace activity {

// ThreadSanitizer cannot see QThread::wait() (Qt waits on its own futex), so without these a thread's last writes do
// not "happen before" what its owner does after wait(), and every join reads as a race. markThreadEnd() is called
// last on the thread, markThreadJoined() after wait(). They do nothing in other builds.
inline void markThreadEnd([[maybe_unused]] const QThread* thread)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<QThread*>(thread));
#endif
}

inline void markThreadJoined([[maybe_unused]] const QThread* thread)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<QThread*>(thread));
#endif
}

} // namespace activity
