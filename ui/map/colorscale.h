#pragma once

#include <QColor>

namespace activity {

// A sequential scale even to the eye: colours are spaced evenly in CIE L*a*b* lightness from a pale
// to a deep blue, and values are placed on it logarithmically (traffic per country spans orders of
// magnitude; a linear scale would paint every country but the first two the same pale colour).
class ColorScale {
public:
    explicit ColorScale(double maximum = 0);
    double maximum() const { return m_max; }
    // Where a value sits on the scale, 0..1 (0 for zero or less).
    double position(double value) const;
    QColor color(double value) const { return colorAt(position(value)); }
    static QColor colorAt(double t);
    // The colour of a country without data.
    static QColor noData();

private:
    double m_max = 0;
};

} // namespace activity
