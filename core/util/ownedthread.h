#pragma once

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
        delete thread;
    }
};
using OwnedThread = std::unique_ptr<QThread, QuitAndWait>;

inline OwnedThread makeOwnedThread(const QString& name)
{
    OwnedThread thread(new QThread);
    thread->setObjectName(name);
    return thread;
}

} // namespace activity
