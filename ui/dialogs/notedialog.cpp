#include "ui/dialogs/notedialog.h"

#include "core/events/eventservice.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>

namespace activity {

NoteDialog::NoteDialog(EventService& events, qint64 at, QWidget* parent)
    : QDialog(parent)
    , m_events(events)
    , m_at(at)
    , m_text(new QLineEdit(this))
    , m_url(new QLineEdit(this))
{
    setWindowTitle(tr("Add a note"));
    m_text->setPlaceholderText(tr("Posted on Hacker News"));
    m_text->setMaxLength(EventService::kMaxNoteLength);
    m_url->setPlaceholderText(tr("https://... (optional)"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Time:"),
        new QLabel(QLocale().toString(QDateTime::fromSecsSinceEpoch(at), QStringLiteral("yyyy-MM-dd HH:mm t")), this));
    form->addRow(tr("Note:"), m_text);
    form->addRow(tr("Link:"), m_url);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NoteDialog::reject);
    form->addRow(buttons);
}

void NoteDialog::accept()
{
    const Result<qint64> added = m_events.addNote(m_at, m_text->text(), m_url->text());
    if (!added) {
        QMessageBox::warning(this, tr("Add a note"), tr("The note was not added: %1").arg(added.error()));
        return;
    }
    QDialog::accept();
}

} // namespace activity
