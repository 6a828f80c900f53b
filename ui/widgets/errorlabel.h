#pragma once

#include <QLabel>

namespace activity {

// A problem shown in a form or on a page: plain text (it may quote what the user typed or a log line), wrapped,
// in the palette's error colour, readable on light and dark themes. A banner is white on that colour (a write
// error that outranks the page).
class ErrorLabel : public QLabel {
    Q_OBJECT
public:
    enum class Style { Inline, Banner };
    explicit ErrorLabel(QWidget* parent = nullptr, Style style = Style::Inline);

    // The error colour for text on `palette`'s window colour (light: dark red; dark: light red).
    static QColor textColour(const QPalette& palette);
    // The banner's background (white text on it reads on both themes).
    static QColor bannerColour();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
    const Style m_style;
    bool m_applying = false;
};

} // namespace activity
