#pragma once

#include <QDialog>

namespace activity {

// Name, version, and the licences of the data the program ships (GeoIP, map shapes) and its libraries.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    static QString licenceText();
};

} // namespace activity
