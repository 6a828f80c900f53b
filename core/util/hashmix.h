#pragma once

#include <QtGlobal>

namespace activity {

// splitmix64's finaliser: spreads integer keys over all bits (identity-like std::hash<int> makes long probe
// chains for such keys).
inline quint64 hashMix(quint64 x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace activity
