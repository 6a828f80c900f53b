#pragma once

#include "core/util/hashmix.h"

#include <QtGlobal>
#include <cstring>
#include <vector>

namespace activity {

// Open-addressing hash containers for the ingest hot path: one flat array, linear probing, no per-entry
// allocation. std::unordered_* spent most of its time in malloc and cache misses there.
// A set of 64-bit values (0 is stored apart, as it marks empty slots).
class FlatSet64 {
public:
    // True if `v` was not in the set.
    bool insert(quint64 v)
    {
        if (v == 0) {
            const bool added = !m_hasZero;
            m_hasZero = true;
            m_size += added ? 1 : 0;
            return added;
        }
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hashMix(v) & mask;; i = (i + 1) & mask) {
            if (m_slots[i] == v)
                return false;
            if (m_slots[i] == 0) {
                m_slots[i] = v;
                ++m_size;
                return true;
            }
        }
    }
    size_t size() const { return m_size; }
    template <typename F> void forEach(F&& f) const
    {
        if (m_hasZero)
            f(quint64(0));
        for (const quint64 v : m_slots)
            if (v != 0)
                f(v);
    }
    void clear()
    {
        std::vector<quint64>().swap(m_slots);
        m_size = 0;
        m_hasZero = false;
    }

private:
    void grow()
    {
        std::vector<quint64> old(qMax<size_t>(1024, m_slots.size() * 2), 0);
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (const quint64 v : old) {
            if (v == 0)
                continue;
            size_t i = hashMix(v) & mask;
            while (m_slots[i] != 0)
                i = (i + 1) & mask;
            m_slots[i] = v;
        }
    }
    std::vector<quint64> m_slots;
    size_t m_size = 0;
    bool m_hasZero = false;
};

// A map from a two-word key to a value, for sums that are read back in full and then cleared.
// Key {0, 0} is reserved (never used by callers: word `a` always carries a non-zero period).
template <typename Value> class FlatMap128 {
public:
    struct Slot {
        quint64 a = 0;
        quint64 b = 0;
        Value value {};
    };
    Value& operator[](const std::pair<quint64, quint64>& key)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash(key.first, key.second) & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.a == key.first && s.b == key.second)
                return s.value;
            if (s.a == 0 && s.b == 0) {
                s.a = key.first;
                s.b = key.second;
                ++m_size;
                return s.value;
            }
        }
    }
    template <typename F> void forEach(F&& f) const
    {
        for (const Slot& s : m_slots)
            if (s.a != 0 || s.b != 0)
                f(s.a, s.b, s.value);
    }
    size_t size() const { return m_size; }
    // Keeps the array (the next batch needs about as many slots) unless it grew unusually large.
    void clear()
    {
        if (m_slots.size() > (size_t(1) << 20))
            std::vector<Slot>().swap(m_slots);
        else
            std::fill(m_slots.begin(), m_slots.end(), Slot());
        m_size = 0;
    }

private:
    static size_t hash(quint64 a, quint64 b) { return size_t(hashMix(a * 0x9E3779B97F4A7C15ULL ^ b)); }
    void grow()
    {
        std::vector<Slot> old(qMax<size_t>(1024, m_slots.size() * 2));
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.a == 0 && s.b == 0)
                continue;
            size_t i = hash(s.a, s.b) & mask;
            while (m_slots[i].a != 0 || m_slots[i].b != 0)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }
    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

} // namespace activity
