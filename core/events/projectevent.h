#pragma once

#include <QList>
#include <QString>

namespace activity {

// One thing that happened to the project, drawn on the time charts and listed by `events list`: a release, a tag,
// a registry version, an alert firing or resolving, or the user's own note.
struct ProjectEvent {
    qint64 id = 0; // the events row (notes: what `notes remove` takes); 0 for alert events, which live in alert_events
    qint64 ts = 0; // seconds since the epoch, UTC
    QString kind; // one of ProjectEvents::kinds()
    QString source; // "acme/rocket", "acme/rocket-image", a rule's name, "note"
    QString title;
    QString url;
};

namespace ProjectEvents {
inline constexpr char kRelease[] = "release";
inline constexpr char kTag[] = "tag";
inline constexpr char kDockerTag[] = "docker-tag";
inline constexpr char kPackageVersion[] = "package-version";
inline constexpr char kAlertFired[] = "alert-fired";
inline constexpr char kAlertResolved[] = "alert-resolved";
inline constexpr char kNote[] = "note";
// In the order above (what events.csv's `kind` may be).
QStringList kinds();
// "3 releases", "1 note": a group of markers of one kind, or "4 events" of several.
QString groupLabel(const QList<ProjectEvent>& events);
// Each kind's count, in kinds() order: "3 releases, 1 note".
QString kindsLabel(const QList<ProjectEvent>& events);
} // namespace ProjectEvents

} // namespace activity
