// Measures the world map: decoding and projecting the shapes once, a full render of the countries at
// 1920x1080 after a data change (fills only) and after a size change (paths re-thinned, borders redrawn),
// and a repaint (hover, expose) from the cached image.
#include "core/geo/countrytable.h"
#include "ui/map/worldmapwidget.h"
#include "ui/map/worldshapes.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <cstdio>

using namespace activity;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QElapsedTimer timer;
    timer.start();
    const CountryTable table = CountryTable::system();
    const auto shapes = WorldShapes::builtIn(table);
    std::printf(
        "map: decode + project %lld countries once: %lld ms\n", qint64(shapes->countries().size()), timer.elapsed());

    QHash<QString, CountryFigures> figures;
    qint64 n = 1;
    for (const MapCountry& c : shapes->countries())
        if (!c.code.isEmpty())
            figures.insert(c.code, { n * 37 % 100000, n * 11 % 50000 }), ++n;
    WorldMapWidget map(shapes);
    map.resize(1920, 1080);
    map.setFigures(figures);
    map.show();
    app.processEvents();

    constexpr int kRounds = 20;
    qint64 fullNs = 0;
    qint64 repaintNs = 0;
    for (int i = 0; i < kRounds; ++i) {
        map.setFigures(figures); // invalidates the cached image
        timer.restart();
        map.repaint();
        fullNs += timer.nsecsElapsed();
        timer.restart();
        map.repaint();
        repaintNs += timer.nsecsElapsed();
    }
    qint64 resizeNs = 0;
    for (int i = 0; i < kRounds; ++i) {
        timer.restart();
        map.resize(i % 2 ? 1920 : 1900, 1080); // paths re-projected and thinned, sea and borders redrawn
        map.repaint();
        resizeNs += timer.nsecsElapsed();
    }
    std::printf("map: full render at 1920x1080 (data change): %.2f ms\n", double(fullNs) / kRounds / 1e6);
    std::printf("map: full render at about 1920x1080 (size change): %.2f ms\n", double(resizeNs) / kRounds / 1e6);
    std::printf("map: repaint at 1920x1080 (cached paths and image): %.2f ms\n", double(repaintNs) / kRounds / 1e6);
    return 0;
}
