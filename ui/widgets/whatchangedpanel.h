#pragma once

#include "core/query/movers.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace activity {

class RowsModel;
class ViewState;

// "What changed": the referrers, paths, countries and agents whose requests rose or fell most against the period
// before, most significant first (Movers: a minimum volume and a significance test, no percentage from a tiny base).
// Keys come from logs: shown as plain text. Activating a row asks to narrow the traffic figures to it.
class WhatChangedPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRowsShown = 12;
    explicit WhatChangedPanel(QWidget* parent = nullptr);

    // `movers` as Movers::between gives them; `requests`: the range's and the period before's requests together
    // (what the empty text says when nothing moved).
    void setMovers(const QList<Mover>& movers, qint64 requests);
    const QList<Mover>& shown() const { return m_shown; }
    RowsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // What the panel says instead of rows (hidden while it has rows).
    QString emptyText() const;
    // Under the header's Humans / Bots switch: a line saying the rows count everyone's requests (the rollups they
    // come from are not split by who asked).
    void setEveryonesRequests(bool noted);
    // The dimension's name for people ("Referrer").
    static QString dimensionName(const QString& dimension);
    // A mover's key for a cell: a country's name, log text with control characters shown as U+FFFD (never a break).
    static QString plainKey(const Mover& mover);
    // Narrows `state` to a row's referrer, path, country or user agent (false for another dimension).
    static bool narrow(ViewState& state, const QString& dimension, const QString& key);

signals:
    // A row was clicked or activated: dimension ("referrer", "path", "country", "agent") and key.
    void narrowRequested(const QString& dimension, const QString& key);

private:
    RowsModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_everyone = nullptr;
    QList<Mover> m_shown;
};

} // namespace activity
