#pragma once

#include <QFrame>
#include <QList>

class QLabel;

namespace activity {

// One headline figure: title, value, the change over the range, and a sparkline.
class MetricTile : public QFrame {
    Q_OBJECT
public:
    explicit MetricTile(const QString& title, QWidget* parent = nullptr);
    // `trend` > 0 colours the change as good, < 0 as bad, 0 neutral. Sparkline values from `partialFrom` on are of
    // periods not over yet (today so far): drawn dashed, so their drop does not read as a fall (-1: none).
    void setFigures(const QString& value, const QString& change, int trend, const QList<double>& sparkline,
        qsizetype partialFrom = -1);
    QString value() const;
    QString change() const;
    QString title() const;
    void setTitle(const QString& title);
    const QList<double>& sparkline() const { return m_spark; }
    qsizetype sparklinePartialFrom() const { return m_sparkPartialFrom; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QLabel* m_title = nullptr;
    QLabel* m_value = nullptr;
    qreal m_valuePointSize = 0; // the figure's full size; smaller when a long text (a country) would not fit
    void fitValue();
    QLabel* m_change = nullptr;
    QList<double> m_spark;
    qsizetype m_sparkPartialFrom = -1;
};

} // namespace activity
