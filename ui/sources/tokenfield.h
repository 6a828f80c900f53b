#pragma once

#include "core/secrets/tokenvault.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace activity {

// The token row of the source form. A stored token is never shown again: only its mask ("ghp_…abcd")
// and where it is kept, with Replace and Forget. A new token is typed hidden.
class TokenField : public QWidget {
    Q_OBJECT
public:
    enum class Change { Keep, Replace, Forget };

    explicit TokenField(QWidget* parent = nullptr);
    void setVault(TokenVault* vault);
    // Editing a source that has a token: reads it (for the mask only) from where it is kept.
    void setStored(TokenVault::Location where, qint64 sourceId);

    // Keep: nothing typed (or nothing stored and nothing typed). Replace: newToken() is to be stored.
    Change change() const;
    QByteArray newToken() const;
    // A token is stored and kept, or one is typed.
    bool hasToken() const;
    TokenVault::Location storedLocation() const { return m_stored; }
    QString error() const; // about the typed text
    QString storedText() const; // what the user sees about the stored token
    QLineEdit* edit() const { return m_edit; }
    QPushButton* replaceButton() const { return m_replace; }
    QPushButton* forgetButton() const { return m_forget; }

signals:
    void changed();

private:
    void refresh();

    TokenVault* m_vault = nullptr;
    TokenVault::Location m_stored = TokenVault::Location::None;
    QString m_mask;
    bool m_replacing = false;
    bool m_forgetting = false;
    QLabel* m_storedLabel = nullptr;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_replace = nullptr;
    QPushButton* m_forget = nullptr;
    QPushButton* m_undo = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace activity
