#pragma once
// A day of requests whose bots the tests know by construction (tst_botsquery, tst_botspage): people, a real and a
// spoofed Googlebot (the verdicts as the crawler verifier would store them), Bingbot never checked, two AI
// crawlers (GPTBot, which can be checked, and ClaudeBot, which cannot), curl, and robots.txt fetched by several.
// Stored through the real ingest writer (DemoTrafficWriter), so classification, rollups and claims are the
// program's own.
#include "core/demo/demotraffic.h"
#include "core/ingest/crawlerchecks.h"
#include "core/ingest/crawlerverifier.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

namespace activity::BotsTraffic {

constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC: the range is [kDay, kDay + 1 day)
const QByteArray kChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36";
const QByteArray kGooglebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const QByteArray kFakeGooglebot = "Googlebot/2.1 (+http://www.google.com/bot.html)";
const QByteArray kBingbot = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
const QByteArray kGptBot = "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; GPTBot/1.2; "
                           "+https://openai.com/gptbot";
const QByteArray kClaudeBot = "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; "
                              "+claudebot@anthropic.com)";
// Log text is hostile: markup in a user agent must show as typed.
const QByteArray kCurl = "curl/8.5.0 <b>bold</b>";
const QByteArray kRealGoogle("\x42\xf9\x42\x01", 4); // 66.249.66.1
const QByteArray kFakeGoogle("\xcb\x00\x71\x09", 4); // 203.0.113.9

inline QByteArray ipv4(int a, int b, int c, int d)
{
    const char bytes[4] = { char(a), char(b), char(c), char(d) };
    return QByteArray(bytes, 4);
}

// Requests (and bytes) in the day, per agents key, as the page and agents.csv must count them:
//   people 11 (10,050); search-crawler/verified/Googlebot 6 (2,550); ai-crawler/unverified/GPTBot 5 (8,050);
//   ai-crawler//ClaudeBot 5 (4,600); other-bot/spoofed/spoofed Googlebot 4 (650);
//   search-crawler/unverified/Bingbot 2 (600); library//curl 2 (200). Bots: 24 requests, 16,650 bytes.
// robots.txt: ClaudeBot 2, then 1 each: GPTBot (unverified), people, spoofed Googlebot, Googlebot (verified).
// Outside the day: a verified Googlebot request the hour before, a GPTBot one the minute after.
inline void write(Database& db)
{
    Migrations::migrate(db);
    Transaction tx(db);
    DemoTrafficWriter writer(db);
    const auto add
        = [&](qint64 ts, const QByteArray& addr, const QByteArray& agent, const QByteArray& path, qint64 bytes) {
              DemoRequest r;
              r.ts = ts;
              r.site = "www";
              r.addr = addr;
              r.country = "DE";
              r.method = "GET";
              r.path = path;
              r.status = 200;
              r.bytes = bytes;
              r.referrer = "-";
              r.agent = agent;
              writer.add(r);
          };
    add(kDay - 3600, kRealGoogle, kGooglebot, "/page", 500);
    for (int i = 0; i < 10; ++i)
        add(kDay + 3600 + i * 60, ipv4(10, 0, 0, 1 + i % 5), kChrome, "/index.html", 1000);
    add(kDay + 3700, ipv4(10, 0, 0, 2), kChrome, "/robots.txt", 50);
    for (int i = 0; i < 5; ++i)
        add(kDay + 7200 + i * 60, kRealGoogle, kGooglebot, "/page", 500);
    add(kDay + 7500, kRealGoogle, kGooglebot, "/robots.txt", 50);
    for (int i = 0; i < 3; ++i)
        add(kDay + 10800 + i * 60, kFakeGoogle, kFakeGooglebot, "/page", 200);
    add(kDay + 11000, kFakeGoogle, kFakeGooglebot, "/robots.txt", 50);
    add(kDay + 14400, ipv4(40, 77, 167, 1), kBingbot, "/page", 300);
    add(kDay + 14460, ipv4(40, 77, 167, 1), kBingbot, "/page", 300);
    for (int i = 0; i < 4; ++i)
        add(kDay + 18000 + i * 60, ipv4(20, 171, 207, 1), kGptBot, "/docs", 2000);
    add(kDay + 18300, ipv4(20, 171, 207, 1), kGptBot, "/robots.txt", 50);
    for (int i = 0; i < 3; ++i)
        add(kDay + 21600 + i * 60, ipv4(34, 1, 1, 1), kClaudeBot, "/docs", 1500);
    add(kDay + 21800, ipv4(34, 1, 1, 1), kClaudeBot, "/robots.txt", 50);
    add(kDay + 21900, ipv4(34, 1, 1, 1), kClaudeBot, "/robots.txt", 50);
    add(kDay + 25200, ipv4(10, 9, 9, 9), kCurl, "/api", 100);
    add(kDay + 25260, ipv4(10, 9, 9, 9), kCurl, "/api", 100);
    add(kDay + 86400 + 60, ipv4(20, 171, 207, 1), kGptBot, "/docs", 2000);
    writer.finish();
    // The verifier's verdicts on the two addresses claiming Googlebot.
    CrawlerVerdictStore verdicts(db);
    const auto text = [](const QByteArray& a) {
        return crawlerAddressText(reinterpret_cast<const unsigned char*>(a.constData()), int(a.size()));
    };
    verdicts.put({ text(kRealGoogle), QStringLiteral("google"), QStringLiteral("verified"), QStringLiteral("dns"),
        QStringLiteral("crawl-66-249-66-1.googlebot.com"), kDay, kDay + 2 * 86400 });
    verdicts.put({ text(kFakeGoogle), QStringLiteral("google"), QStringLiteral("spoofed"), QStringLiteral("dns"),
        QStringLiteral("no PTR"), kDay, kDay + 2 * 86400 });
    tx.commit();
}

} // namespace activity::BotsTraffic
