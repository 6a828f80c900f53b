#include "ui/widgets/errorlabel.h"

#include <QApplication>
#include <QEvent>

namespace activity {

ErrorLabel::ErrorLabel(QWidget* parent, Style style)
    : QLabel(parent)
    , m_style(style)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    if (m_style == Style::Banner) {
        setAutoFillBackground(true);
        setMargin(8);
    }
    applyColours();
}

QColor ErrorLabel::textColour(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xF2, 0xB8, 0xB5) : QColor(0xB3, 0x26, 0x1E);
}

QColor ErrorLabel::bannerColour()
{
    return QColor(0xB3, 0x26, 0x1E);
}

void ErrorLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColours();
}

void ErrorLabel::applyColours()
{
    if (m_applying) // our own setPalette() below sends a PaletteChange
        return;
    m_applying = true;
    QPalette p = palette();
    if (m_style == Style::Banner) {
        p.setColor(QPalette::Window, bannerColour());
        p.setColor(QPalette::WindowText, Qt::white);
    } else {
        p.setColor(
            QPalette::WindowText, textColour(parentWidget() ? parentWidget()->palette() : QApplication::palette()));
    }
    setPalette(p);
    m_applying = false;
}

} // namespace activity
