#pragma once

#include <QList>
#include <QPointF>

namespace activity {

// Reduces a series (x ascending) to at most ~2 points per bucket: the min and the max of each bucket, in x
// order, so spikes survive. Series already short enough are returned as they are.
QList<QPointF> minMaxDownsample(const QList<QPointF>& points, int buckets);

} // namespace activity
