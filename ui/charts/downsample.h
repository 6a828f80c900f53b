#pragma once

#include <QList>
#include <QPointF>

namespace activity {

// Reduces a series (x ascending) to at most ~2 points per bucket: the min and the max of each bucket, in x
// order, so spikes survive. Series already short enough are returned as they are.
QList<QPointF> minMaxDownsample(const QList<QPointF>& points, int buckets);
// The edge of a filled band reduced to one point per bucket: the bucket's highest value at its first x. Min and
// max would zigzag across the band's height in every pixel column, which fills the same pixels but costs its
// rasteriser ~10 ms a chart; bands with the same x values keep the same x values (stacks stay aligned).
QList<QPointF> maxDownsample(const QList<QPointF>& points, int buckets);

} // namespace activity
