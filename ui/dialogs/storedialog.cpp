#include "ui/dialogs/storedialog.h"

#include "core/settings/storechoice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace activity {

StoreDialog::StoreDialog(const QString& current, const QString& overriddenBy, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Store"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Where the window reads and writes its data. Leave it empty for this computer's own "
                                "file; a team shares a PostgreSQL store (see the README's \"Team set-up\")."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    auto* now = new QLabel(current, this);
    now->setTextFormat(Qt::PlainText);
    now->setTextInteractionFlags(Qt::TextSelectableByMouse);
    now->setObjectName(QStringLiteral("currentStore"));
    form->addRow(tr("In use now:"), now);
    m_url = new QLineEdit(StoreChoice::saved(), this);
    m_url->setObjectName(QStringLiteral("storeUrl"));
    m_url->setPlaceholderText(tr("postgresql://me@db.example.org:5432/activity?sslmode=verify-full"));
    m_url->setClearButtonEnabled(true);
    form->addRow(tr("Store at the next start:"), m_url);
    layout->addLayout(form);
    auto* hint = new QLabel(tr("A password is kept in ~/.pgpass or PGPASSWORD, never here: the choice is saved "
                               "without one."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    if (!overriddenBy.isEmpty()) {
        auto* overridden = new QLabel(
            tr("This window was started with %1, which wins over the choice made here.").arg(overriddenBy), this);
        overridden->setObjectName(QStringLiteral("storeOverridden"));
        overridden->setWordWrap(true);
        layout->addWidget(overridden);
    }
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("storeResult"));
    m_result->setTextFormat(Qt::PlainText); // a server's message is text, never markup
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton* testButton = m_buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    testButton->setObjectName(QStringLiteral("testStore"));
    connect(testButton, &QPushButton::clicked, this, &StoreDialog::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
}

void StoreDialog::test()
{
    const QString url = m_url->text().trimmed();
    if (url.isEmpty()) {
        m_result->setText(tr("Empty: the window opens this computer's own file."));
        return;
    }
    const Result<QString> answer = StoreChoice::test(url);
    // libpq's messages come on several indented lines
    m_result->setText(
        answer ? tr("Works: %1").arg(answer.value()) : tr("Cannot be used: %1").arg(answer.error().simplified()));
    adjustSize();
}

bool StoreDialog::save()
{
    const Status saved = StoreChoice::save(m_url->text());
    if (!saved) {
        m_result->setText(tr("Not saved: %1").arg(saved.error()));
        adjustSize();
        return false;
    }
    m_result->setText(tr("Saved: the window opens it from its next start."));
    return true;
}

} // namespace activity
