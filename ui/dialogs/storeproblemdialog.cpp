#include "ui/dialogs/storeproblemdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace activity {

StoreProblemDialog::StoreProblemDialog(
    const QString& store, const QString& reason, bool offerLocalFile, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Activity Dashboard"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Activity Dashboard cannot open its store:"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    auto* where = new QLabel(store, this);
    where->setTextFormat(Qt::PlainText);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setObjectName(QStringLiteral("problemStore"));
    layout->addWidget(where);
    // libpq's and SQLite's messages: text, never markup, on as many lines as they need.
    m_reason = new QLabel(reason.simplified(), this);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setObjectName(QStringLiteral("problemReason"));
    layout->addWidget(m_reason);
    auto* hint = new QLabel(offerLocalFile ? tr("Try again once the server answers, or work on this computer's own "
                                                "file for now (File > Store chooses the store for the next start).")
                                           : tr("Try again once it can be opened."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* again = buttons->addButton(tr("Try &Again"), QDialogButtonBox::AcceptRole);
    again->setObjectName(QStringLiteral("tryAgain"));
    again->setDefault(true);
    connect(again, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TryAgain;
        accept();
    });
    if (offerLocalFile) {
        QPushButton* local = buttons->addButton(tr("Use This Computer's &File"), QDialogButtonBox::ActionRole);
        local->setObjectName(QStringLiteral("useLocalFile"));
        connect(local, &QPushButton::clicked, this, [this] {
            m_choice = Choice::UseThisComputersFile;
            accept();
        });
    }
    QPushButton* quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("quit"));
    connect(quit, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Quit;
        reject();
    });
    layout->addWidget(buttons);
    resize(qMax(520, sizeHint().width()), sizeHint().height());
}

} // namespace activity
