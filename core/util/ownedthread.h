#pragma once

#include "core/util/threadjoin.h"

#include <QThread>
#include <memory>

namespace activity {

// A QThread that quits its event loop and is waited for when its owner goes away, so a worker never
// outlives the objects it points to.
struct QuitAndWait {
    void operator()(QThread* thread) const
    {
        thread->quit();
        thread->wait();
        markThreadJoined(thread);
        delete thread;
    }
};
using OwnedThread = std::unique_ptr<QThread, QuitAndWait>;

inline OwnedThread makeOwnedThread(const QString& name)
{
    OwnedThread thread(new QThread);
    thread->setObjectName(name);
    // Emitted on the thread itself, after its event loop and the objects deleted with it.
    QObject::connect(
        thread.get(), &QThread::finished, thread.get(), [t = thread.get()] { markThreadEnd(t); }, Qt::DirectConnection);
    return thread;
}

} // namespace activity
