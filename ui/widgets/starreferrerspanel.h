#pragma once

#include "core/query/starreferrers.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace activity {

class RowsModel;

// The GitHub page's days with the most stars gained, each beside the referrers (the site's logs and GitHub's
// traffic) that rose on the same day. Worded as things at the same time: the figures do not say why stars came.
class StarReferrersPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kReferrersPerDay = 4;
    explicit StarReferrersPanel(QWidget* parent = nullptr);

    void setDays(const QList<StarDay>& days);
    const QList<StarDay>& shown() const { return m_days; }
    RowsModel* model() const { return m_model; }
    // What the panel says instead of rows (empty while it has rows).
    QString emptyText() const;
    // "news.ycombinator.com +395 (site log)": one referrer that rose, for a cell.
    static QString referrerText(const Mover& mover);

private:
    RowsModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QList<StarDay> m_days;
};

} // namespace activity
