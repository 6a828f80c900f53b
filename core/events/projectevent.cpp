#include "core/events/projectevent.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct EventText {
    Q_DECLARE_TR_FUNCTIONS(ProjectEvents)
};
} // namespace

QStringList ProjectEvents::kinds()
{
    return { QLatin1String(kRelease), QLatin1String(kTag), QLatin1String(kDockerTag), QLatin1String(kPackageVersion),
        QLatin1String(kAlertFired), QLatin1String(kAlertResolved), QLatin1String(kNote) };
}

QString ProjectEvents::groupLabel(const QList<ProjectEvent>& events)
{
    const int n = int(events.size());
    QString kind = events.isEmpty() ? QString() : events.first().kind;
    for (const ProjectEvent& e : events)
        if (e.kind != kind)
            kind.clear();
    // Plain words rather than %n plurals: the program ships no English translation to pick plural forms.
    const bool one = n == 1;
    if (kind == QLatin1String(kRelease))
        return one ? EventText::tr("1 release") : EventText::tr("%1 releases").arg(n);
    if (kind == QLatin1String(kTag))
        return one ? EventText::tr("1 tag") : EventText::tr("%1 tags").arg(n);
    if (kind == QLatin1String(kDockerTag))
        return one ? EventText::tr("1 image tag") : EventText::tr("%1 image tags").arg(n);
    if (kind == QLatin1String(kPackageVersion))
        return one ? EventText::tr("1 package version") : EventText::tr("%1 package versions").arg(n);
    if (kind == QLatin1String(kAlertFired))
        return one ? EventText::tr("1 alert fired") : EventText::tr("%1 alerts fired").arg(n);
    if (kind == QLatin1String(kAlertResolved))
        return one ? EventText::tr("1 alert resolved") : EventText::tr("%1 alerts resolved").arg(n);
    if (kind == QLatin1String(kNote))
        return one ? EventText::tr("1 note") : EventText::tr("%1 notes").arg(n);
    return one ? EventText::tr("1 event") : EventText::tr("%1 events").arg(n);
}

QString ProjectEvents::kindsLabel(const QList<ProjectEvent>& events)
{
    QStringList parts;
    for (const QString& kind : kinds()) {
        QList<ProjectEvent> same;
        for (const ProjectEvent& e : events)
            if (e.kind == kind)
                same.append(e);
        if (!same.isEmpty())
            parts << groupLabel(same);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace activity
