#include "ui/sources/tokenfield.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace activity {

TokenField::TokenField(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    m_storedLabel = new QLabel(this);
    m_storedLabel->setObjectName(QStringLiteral("tokenStored"));
    m_storedLabel->setTextFormat(Qt::PlainText);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("tokenEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(tr("optional: a personal access token (ghp_… or github_pat_…)"));
    m_replace = new QPushButton(tr("Replace"), this);
    m_forget = new QPushButton(tr("Forget"), this);
    m_undo = new QPushButton(tr("Keep the stored token"), this);
    m_replace->setObjectName(QStringLiteral("tokenReplace"));
    m_forget->setObjectName(QStringLiteral("tokenForget"));
    m_undo->setObjectName(QStringLiteral("tokenUndo"));
    row->addWidget(m_storedLabel, 1);
    row->addWidget(m_edit, 1);
    row->addWidget(m_replace);
    row->addWidget(m_forget);
    row->addWidget(m_undo);
    layout->addLayout(row);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("tokenNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    QFont small = m_note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_note->setFont(small);
    layout->addWidget(m_note);

    connect(m_edit, &QLineEdit::textChanged, this, &TokenField::changed);
    connect(m_replace, &QPushButton::clicked, this, [this] {
        m_replacing = true;
        m_forgetting = false;
        refresh();
        m_edit->setFocus();
    });
    connect(m_forget, &QPushButton::clicked, this, [this] {
        m_forgetting = true;
        m_replacing = false;
        refresh();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_forgetting = false;
        m_replacing = false;
        m_edit->clear();
        refresh();
    });
    refresh();
}

void TokenField::setVault(TokenVault* vault)
{
    m_vault = vault;
    refresh();
}

void TokenField::setStored(TokenVault::Location where, qint64 sourceId)
{
    m_stored = where;
    m_mask.clear();
    m_replacing = false;
    m_forgetting = false;
    m_edit->clear();
    refresh();
    if (m_vault && where != TokenVault::Location::None) {
        m_vault->load(sourceId, where, this, [this](const QByteArray& token, const QString& error) {
            m_mask = token.isEmpty() ? tr("(cannot be read: %1)").arg(error) : TokenVault::mask(token);
            refresh();
        });
    }
}

TokenField::Change TokenField::change() const
{
    if (m_forgetting)
        return Change::Forget;
    if ((m_stored == TokenVault::Location::None || m_replacing) && !newToken().isEmpty())
        return Change::Replace;
    return Change::Keep;
}

QByteArray TokenField::newToken() const
{
    return m_edit->text().trimmed().toUtf8();
}

bool TokenField::hasToken() const
{
    if (m_forgetting)
        return false;
    return m_stored != TokenVault::Location::None || !newToken().isEmpty();
}

QString TokenField::error() const
{
    if (change() != Change::Replace)
        return {};
    return TokenVault::checkToken(newToken());
}

QString TokenField::storedText() const
{
    return m_storedLabel->isHidden() ? QString() : m_storedLabel->text();
}

void TokenField::refresh()
{
    const bool stored = m_stored != TokenVault::Location::None;
    const bool typing = !stored || m_replacing;
    m_storedLabel->setVisible(stored && !m_replacing);
    m_edit->setVisible(typing && !m_forgetting);
    m_replace->setVisible(stored && !m_replacing && !m_forgetting);
    m_forget->setVisible(stored && !m_forgetting);
    m_undo->setVisible(stored && (m_replacing || m_forgetting));
    const QString mask = m_mask.isEmpty() ? tr("(reading…)") : m_mask;
    if (m_forgetting)
        m_storedLabel->setText(tr("The token will be forgotten when you press OK."));
    else if (m_stored == TokenVault::Location::Keyring)
        m_storedLabel->setText(tr("%1, in the desktop keyring").arg(mask));
    else if (m_stored == TokenVault::Location::File && m_vault)
        m_storedLabel->setText(tr("%1, in %2 (readable only by you)").arg(mask, m_vault->filePath()));
    else if (m_stored == TokenVault::Location::File)
        m_storedLabel->setText(tr("%1, in the private token file").arg(mask));
    const QString file = m_vault ? m_vault->filePath() : tr("a file in the data folder");
    m_note->setText(tr("Kept in the desktop keyring when one answers, else in %1, readable only by you; never in "
                       "the database, logs or reports.")
                        .arg(file));
    m_note->setVisible(typing && !m_forgetting);
    emit changed();
}

} // namespace activity
