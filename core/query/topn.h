#pragma once

#include <QList>
#include <algorithm>

namespace activity {

namespace TopN {
// Busiest first: the largest count first, ties by key so that equal data always reads the same; keeps at most
// `limit` items (all when negative). The one ranking of every top list, table and report.
template <class T, class Count, class Key> void rank(QList<T>& items, Count count, Key key, qsizetype limit = -1)
{
    const auto before = [&](const T& a, const T& b) {
        const auto ca = count(a);
        const auto cb = count(b);
        return ca != cb ? ca > cb : key(a) < key(b);
    };
    if (limit >= 0 && limit < items.size()) {
        std::partial_sort(items.begin(), items.begin() + limit, items.end(), before);
        items.resize(limit);
    } else {
        std::sort(items.begin(), items.end(), before);
    }
}
} // namespace TopN

} // namespace activity
