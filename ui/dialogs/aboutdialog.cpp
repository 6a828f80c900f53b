#include "ui/dialogs/aboutdialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace activity {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Activity Dashboard"));
    auto* layout = new QVBoxLayout(this);
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/activity-dashboard.svg")).pixmap(64, 64));
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    auto* title = new QLabel(tr("Activity Dashboard %1").arg(QStringLiteral(ACTIVITY_VERSION)), this);
    title->setTextFormat(Qt::PlainText);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    auto* text = new QTextBrowser(this);
    text->setObjectName(QStringLiteral("licences"));
    text->setOpenExternalLinks(true);
    text->setPlainText(licenceText());
    layout->addWidget(text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 460);
}

QString AboutDialog::licenceText()
{
    return tr("Watches GitHub repositories, Docker Hub images and nginx access logs in one window.\n\n"
              "Data sources and their licences:\n"
              "- IP to country: IP Geolocation by DB-IP (https://db-ip.com), DB-IP IP to Country Lite, "
              "licensed under Creative Commons Attribution 4.0 International (CC BY 4.0).\n"
              "- Country shapes: Natural Earth (public domain), through the world-atlas package (ISC licence).\n"
              "- Country names: Debian iso-codes (LGPL 2.1 or later).\n"
              "- GitHub and Docker Hub figures come from their public APIs, under their terms of service.\n\n"
              "Libraries: Qt 6 (LGPL 3), SQLite (public domain), libmaxminddb (Apache 2.0), zlib (zlib licence).");
}

} // namespace activity
