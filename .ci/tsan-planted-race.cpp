// A race planted on a QThread: the ThreadSanitizer run must still report it with .ci/tsan.supp, or the suppressions
// (Qt frames sit below every one of our threads' stacks) would hide races in our own code.
#include <QCoreApplication>
#include <QThread>
int counter = 0;
void bump()
{
    for (int i = 0; i < 100000; ++i)
        ++counter;
}
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QThread* t = QThread::create([] { bump(); });
    t->start();
    bump();
    t->wait();
    return counter == 0;
}
