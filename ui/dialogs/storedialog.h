#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace activity {

// File > Store: which store the window opens (the data folder's SQLite file, another file, or a team's
// PostgreSQL), with a Test button. The choice is kept by StoreChoice and used from the window's next start;
// --store and ACTIVITY_STORE still win over it, and the dialog says so when one of them is in force.
class StoreDialog : public QDialog {
    Q_OBJECT
public:
    // `current`: the store this window reads, as it may be shown; `overriddenBy`: "--store" or "ACTIVITY_STORE"
    // when one of them chose it, else empty.
    StoreDialog(const QString& current, const QString& overriddenBy, QWidget* parent = nullptr);

    QLineEdit* urlEdit() const { return m_url; }
    QLabel* resultLabel() const { return m_result; }
    void test();
    // Saves the choice; false (the reason shown) when it is not a store.
    bool save();

private:
    QLineEdit* m_url = nullptr;
    QLabel* m_result = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace activity
