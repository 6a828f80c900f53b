#include "ui/viewstate.h"

#include "core/util/clock.h"

namespace activity {

ViewState::ViewState(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{ }

TimeRange ViewState::range() const
{
    if (m_preset == RangePreset::Custom)
        return m_custom;
    return TimeRanges::forPreset(m_preset, m_clock.nowSecs());
}

void ViewState::setPreset(RangePreset preset)
{
    if (preset == RangePreset::Custom && !m_custom.isValid())
        return;
    if (preset == m_preset)
        return;
    m_preset = preset;
    emit rangeChanged();
    emit changed();
}

void ViewState::setCustomRange(TimeRange range)
{
    if (!range.isValid())
        return;
    if (m_preset == RangePreset::Custom && m_custom == range)
        return;
    m_custom = range;
    m_preset = RangePreset::Custom;
    emit rangeChanged();
    emit changed();
}

void ViewState::setSite(const QString& site)
{
    if (site == m_site)
        return;
    m_site = site;
    emit siteChanged();
    emit changed();
}

void ViewState::setCountry(const QString& country)
{
    if (country == m_country)
        return;
    m_country = country;
    emit countryChanged();
    emit changed();
}

void ViewState::setPath(const QByteArray& path)
{
    if (path == m_path)
        return;
    m_path = path;
    emit narrowingChanged();
    emit changed();
}

void ViewState::setReferrer(const QByteArray& referrer)
{
    if (referrer == m_referrer)
        return;
    m_referrer = referrer;
    emit narrowingChanged();
    emit changed();
}

void ViewState::setUserAgent(const QByteArray& userAgent)
{
    if (userAgent == m_userAgent)
        return;
    m_userAgent = userAgent;
    emit narrowingChanged();
    emit changed();
}

void ViewState::setStatus(int status)
{
    const bool valid = status == 0 || (status >= 1 && status <= 5) || (status >= 100 && status <= 599);
    if (!valid || status == m_status)
        return;
    m_status = status;
    emit narrowingChanged();
    emit changed();
}

void ViewState::setAgents(AgentScope agents)
{
    if (agents == m_agents)
        return;
    m_agents = agents;
    emit agentsChanged();
    emit changed();
}

void ViewState::setComparePrevious(bool compare)
{
    if (compare == m_comparePrevious)
        return;
    m_comparePrevious = compare;
    emit comparePreviousChanged();
    emit changed();
}

TimeRange ViewState::previousRange() const
{
    const TimeRange r = range();
    return { r.fromSecs - r.length(), r.fromSecs };
}

} // namespace activity
