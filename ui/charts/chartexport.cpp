// ChartView, continued: the chart as a PNG or as CSV, from its context menu.
#include "ui/charts/chartview.h"
#include "ui/widgets/csv.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMetaMethod>
#include <QPainter>

namespace activity {

QImage ChartView::renderImage(qreal scale) const
{
    QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const_cast<ChartView*>(this)->render(&painter);
    return image;
}

QByteArray ChartView::csv() const
{
    QByteArray out;
    if (m_isTime) {
        out += Csv::row({ QStringLiteral("timestamp"), QStringLiteral("series"), m_valueName });
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points)
                out += Csv::row({ Csv::timestamp(qint64(p.x())), s.name, p.y() });
        }
    } else {
        out += Csv::row({ m_categoryName, QStringLiteral("series"), QStringLiteral("value") });
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points)
                out += Csv::row({ m_categories.value(int(p.x())), s.name, p.y() });
        }
    }
    return out;
}

bool ChartView::savePng(const QString& path, qreal scale) const
{
    return renderImage(scale).save(path, "PNG");
}

bool ChartView::saveCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(csv()) >= 0;
}

void ChartView::contextMenuEvent(QContextMenuEvent* event)
{
    showExportMenu(event->globalPos(), timeAtX(event->pos().x()));
}

// The export menu from the keyboard too (a focused chart, Menu or Shift+F10), whatever the platform sends.
void ChartView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Menu || (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier)) {
        showExportMenu(mapToGlobal(rect().center()), timeAtX(viewport()->rect().center().x()));
        return;
    }
    QChartView::keyPressEvent(event);
}

void ChartView::showExportMenu(const QPoint& globalPos, std::optional<qint64> at)
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("chartExportMenu"));
    if (at && isSignalConnected(QMetaMethod::fromSignal(&ChartView::noteRequested))) {
        const QString when = QLocale().toString(QDateTime::fromSecsSinceEpoch(*at), QStringLiteral("yyyy-MM-dd HH:mm"));
        QAction* note
            = menu.addAction(tr("Add a note at %1...").arg(when), this, [this, at] { emit noteRequested(*at); });
        note->setObjectName(QStringLiteral("addNoteAction"));
        menu.addSeparator();
    }
    const QString base
        = title().isEmpty() ? QStringLiteral("chart") : title().toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    auto askAndSave = [this, base](const QString& suffix, const QString& filter, auto save) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), base + suffix, filter);
        if (!path.isEmpty())
            save(path);
    };
    menu.addAction(tr("Save as PNG (1x)..."), this, [=, this] {
        askAndSave(QStringLiteral(".png"), tr("PNG images (*.png)"), [this](const QString& p) { savePng(p, 1); });
    });
    menu.addAction(tr("Save as PNG (2x)..."), this, [=, this] {
        askAndSave(QStringLiteral("@2x.png"), tr("PNG images (*.png)"), [this](const QString& p) { savePng(p, 2); });
    });
    menu.addAction(tr("Save data as CSV..."), this, [=, this] {
        askAndSave(QStringLiteral(".csv"), tr("CSV files (*.csv)"), [this](const QString& p) { saveCsv(p); });
    });
    menu.exec(globalPos);
}

} // namespace activity
