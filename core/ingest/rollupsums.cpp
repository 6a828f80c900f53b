#include "core/ingest/rollupsums.h"

#include <cstring>

namespace activity {

namespace {
using Rollup::Dim;
using Rollup::Period;
} // namespace

RollupSums::RollupSums(Database& db)
    : m_upsert(db.prepare("INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(period, dim, bucket, site_id, key) "
                          "DO UPDATE SET requests = requests + excluded.requests, "
                          "visitors = visitors + excluded.visitors, bytes = bytes + excluded.bytes"))
    , m_text(std::make_unique<TextRollups>(db))
{ }

RollupSums::~RollupSums() = default;

void RollupSums::clear()
{
    m_sums.clear();
    m_text->reset();
}

void RollupSums::write()
{
    // Minute sums make the hour and day rows; hour sums (paths) make the day rows.
    FlatMap128<Sum> coarse;
    auto addTo = [&coarse](Period period, quint64 a, quint64 key, const Sum& sum) {
        const qint64 bucket = Rollup::bucketOf(a);
        Sum& to = coarse[{
            Rollup::packKey(period, Rollup::dimOf(a), Rollup::siteOf(a), bucket - bucket % Rollup::secs(period)),
            key }];
        to.requests += sum.requests;
        to.visitors += sum.visitors;
        to.bytes += sum.bytes;
    };
    auto write = [&](quint64 a, quint64 key, const Sum& sum) {
        const Period period = Rollup::periodOf(a);
        const Dim dim = Rollup::dimOf(a);
        const qint64 site = Rollup::siteOf(a);
        const qint64 bucket = Rollup::bucketOf(a);
        const char* dimName = Rollup::name(dim);
        if (Rollup::isText(dim)) {
            m_text->add(a, Rollup::secs(period), dimName, bucket, site, key, sum.requests, sum.visitors, sum.bytes);
            return;
        }
        Statement& st = m_upsert;
        st.bind(1, Rollup::secs(period)).bind(2, bucket).bind(3, site);
        st.bindText(4, dimName, int(std::strlen(dimName)));
        // Both bound without a copy: they must live until exec().
        QByteArray text;
        char code[2] = {};
        if (dim == Dim::Status || dim == Dim::Rejected || dim == Dim::Received || dim == Dim::Dropped) {
            text = QByteArray::number(key);
            st.bindText(5, text.constData(), int(text.size()));
        } else if (dim == Dim::Agents) {
            const std::string& agents = m_agentsKeys[key];
            st.bindText(5, agents.data(), int(agents.size()));
        } else if (dim == Dim::Country && key) {
            code[0] = char(key >> 8);
            code[1] = char(key & 0xff);
            st.bindText(5, code, 2);
        } else {
            st.bindText(5, "", 0); // text, never NULL: the total and unknown-country keys are ''
        }
        st.bind(6, sum.requests).bind(7, sum.visitors).bind(8, sum.bytes).execQueued();
    };
    m_sums.forEach([&](quint64 a, quint64 key, const Sum& sum) {
        const Period period = Rollup::periodOf(a);
        write(a, key, sum);
        if (period == Period::Minute)
            addTo(Period::Hour, a, key, sum);
        if (period == Period::Minute || period == Period::Hour)
            addTo(Period::Day, a, key, sum);
    });
    coarse.forEach(write);
    m_sums.clear();
    m_text->finish();
}

} // namespace activity
