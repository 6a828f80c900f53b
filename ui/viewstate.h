#pragma once

#include "core/logs/agentclass.h"
#include "core/query/timerange.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace activity {

class Clock;

// What every page shows: the time range, the traffic site filter and the country filter (set by the map), whose
// requests the traffic figures count (everyone's, people's or bots': the header's switch), and what the Traffic page
// is narrowed to (a path, a status class or code: set by clicking its rows and bands).
// Pages observe it; the window's controls and the map write it.
class ViewState : public QObject {
    Q_OBJECT
public:
    explicit ViewState(const Clock& clock, QObject* parent = nullptr);

    RangePreset preset() const { return m_preset; }
    // The current bounds: presets are computed from the clock at each call, so they slide with time.
    TimeRange range() const;
    void setPreset(RangePreset preset);
    // Switches to Custom with these bounds (ignored if empty or reversed).
    void setCustomRange(TimeRange range);
    TimeRange customRange() const { return m_custom; }

    // Empty means all sites / all countries. Country is an ISO alpha-2 code.
    QString site() const { return m_site; }
    void setSite(const QString& site);
    QString country() const { return m_country; }
    void setCountry(const QString& country);
    // Empty: every path. As stored (bytes from the log, shown as UTF-8).
    QByteArray path() const { return m_path; }
    void setPath(const QByteArray& path);
    // Empty: every referrer; else as stored (set by a row of "What changed").
    QByteArray referrer() const { return m_referrer; }
    void setReferrer(const QByteArray& referrer);
    // Empty: every user agent; else one, as stored (set by an agent's row of "What changed").
    QByteArray userAgent() const { return m_userAgent; }
    void setUserAgent(const QByteArray& userAgent);
    // 0: every status; 1-5: a class (4 = 4xx); 100-599: one code. Other values are ignored.
    int status() const { return m_status; }
    void setStatus(int status);
    // All (the default), Humans or Bots: the header's switch, kept in the setting traffic.agents.
    AgentScope agents() const { return m_agents; }
    void setAgents(AgentScope agents);
    // Time charts overlay the span just before the range (the header's "Period before" toggle, kept in the setting
    // charts.previous).
    bool comparePrevious() const { return m_comparePrevious; }
    void setComparePrevious(bool compare);
    // The span of the same length just before the range.
    TimeRange previousRange() const;

    const Clock& clock() const { return m_clock; }

signals:
    void rangeChanged();
    void siteChanged();
    void countryChanged();
    void narrowingChanged(); // path, status, referrer or user agent
    void agentsChanged();
    void comparePreviousChanged();
    // Any of the above: what most pages connect to.
    void changed();

private:
    const Clock& m_clock;
    RangePreset m_preset = RangePreset::Last30Days;
    TimeRange m_custom;
    QString m_site;
    QString m_country;
    QByteArray m_path;
    QByteArray m_referrer;
    QByteArray m_userAgent;
    int m_status = 0;
    AgentScope m_agents = AgentScope::All;
    bool m_comparePrevious = false;
};

} // namespace activity
